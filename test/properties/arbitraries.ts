/** Generators shared by the property tests: token strings, hostile values, vendors, secrets. */
import fc from 'fast-check';

import type { VendorDefinition } from '../../shared/types';
import { vendors } from '../../shared/vendors';

export const VENDORS: VendorDefinition[] = Object.values(vendors);
export const vendorArb = fc.constantFrom(...VENDORS);

/** RFC 6749 VSCHAR without space: what a token may be made of. */
export const tokenString = fc.stringMatching(/^[\x21-\x7e]{1,80}$/);

/** Strings that are not acceptable tokens: empty, whitespace or control characters somewhere, non-ASCII. */
export const badTokenString = fc.oneof(
	fc.constant(''),
	fc.tuple(fc.stringMatching(/^[\x21-\x7e]{0,20}$/), fc.constantFrom(' ', '\t', '\r\n', '\n', '\u0000', '\u007f', '\u00a0', '\u2028', 'é'), fc.stringMatching(/^[\x21-\x7e]{0,20}$/)).map(
		([a, bad, b]) => `${a}${bad}${b}`,
	),
	fc.stringMatching(/^[ \t]{1,5}$/),
);

/** Values that are not strings at all. */
export const nonString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

/** A valid expires_in: a safe non-negative integer of seconds, as a number or a digit string. */
export const goodExpiresIn = fc.integer({ min: 0, max: 10 * 365 * 86400 }).chain((n) => fc.constantFrom<number | string>(n, String(n)));

/** Hostile expires_in values: booleans, hex, exponent, fractions, negatives, huge, padded, empty, objects. */
export const badExpiresIn = fc.oneof(
	fc.boolean(),
	fc.integer({ min: 1, max: 1 << 20 }).map((n) => `0x${n.toString(16)}`),
	fc.constantFrom(1e308, Infinity, -Infinity, NaN, Number.MAX_VALUE, 2 ** 60, '1e3', ' 60', '60 ', '+60', '-1', '', '3600.0', '1_000', '６０'),
	fc.integer({ min: -1e9, max: -1 }),
	fc.double({ noNaN: true, min: 0.0001, max: 1e6 }).filter((d) => !Number.isInteger(d)),
	fc.constant(null),
	fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
	fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
);

/** Distinct secrets of 8–40 characters that a text could contain (letters, digits and URL-ish symbols). */
export const secretSet = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9._~+/=-]{8,40}$/), { minLength: 1, maxLength: 6 }).filter((list) =>
	// a secret that contains another is masked by the longer one first; keep them unrelated so the check is exact
	list.every((a) => list.every((b) => a === b || (!a.includes(b) && !b.includes(a)))),
);
