import type { Bundle, ZObject } from 'zapier-platform-core';

import { collectSecrets, isTimeoutFailure, maskSecretValues, redactSecrets, VendorAuthError } from '../shared/oauth';
import type { VendorDefinition } from '../shared/types';
import { zapierEnv } from './env';

/**
 * Every error leaving the app is redacted with the connection's actual secret values, so a vendor or a
 * transport that echoes a token (Weekdone's `?token=` in a node-fetch "request to … failed" message) never
 * shows it to the user or to Zapier's error log.
 */

/** Errors core raises by name and acts on (refresh, reconnect, throttling, halting): they keep their class. */
const PLATFORM_ERROR_NAMES = new Set([
	'AppError',
	'ResponseError',
	'ThrottledError',
	'CheckError',
	'DehydrateError',
	'ExpiredAuthError',
	'HaltedError',
	'MethodDoesNotExist',
	'NotImplementedError',
	'RefreshAuthError',
	'RequireModuleError',
	'StashedBundleError',
	'StopRequestError',
	'DuplicateError',
]);

/** The secret values in play for one invocation: authData tokens, the code and PKCE verifier, the client secret. */
export function bundleSecrets(bundle: Partial<Bundle> | undefined): string[] {
	const input = (bundle?.inputData ?? {}) as Record<string, unknown>;
	return collectSecrets(bundle?.authData, { code: input.code, code_verifier: input.code_verifier }, { client_secret: zapierEnv().clientSecret });
}

/** Redacts a text; a JSON text (core's AppError and ThrottledError messages) is redacted value by value so it stays JSON. */
export function redactText(text: string, secrets: readonly string[]): string {
	if (/^[[{]/.test(text)) {
		try {
			return JSON.stringify(redactValue(JSON.parse(text), secrets));
		} catch {
			// not JSON after all: redact as plain text
		}
	}
	return redactSecrets(text, secrets);
}

/** Applies `mask` to every string in a value (keys kept, structure kept). */
function mapStrings(value: unknown, mask: (text: string) => string): unknown {
	if (typeof value === 'string') return mask(value);
	if (Array.isArray(value)) return value.map((item) => mapStrings(item, mask));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, mapStrings(item, mask)]));
	}
	return value;
}

/** An error's JSON message: field-name rules apply too. */
function redactValue(value: unknown, secrets: readonly string[]): unknown {
	return mapStrings(value, (text) => redactSecrets(text, secrets));
}

/** A step's output is the user's data: only the connection's actual secret values are masked. */
function maskOutput(value: unknown, secrets: readonly string[]): unknown {
	return secrets.length === 0 ? value : mapStrings(value, (text) => maskSecretValues(text, secrets));
}

/** Core's own errors (its 429 ThrottledError, a 401 RefreshAuthError) do not say which app failed: prefix the vendor. */
function withVendorName(message: string, name: string): string {
	if (/^[{]/.test(message)) {
		try {
			const parsed = JSON.parse(message) as Record<string, unknown>;
			if (typeof parsed.message === 'string' && !parsed.message.startsWith(`${name}:`)) {
				return JSON.stringify({ ...parsed, message: `${name}: ${parsed.message}` });
			}
			return message;
		} catch {
			// not JSON: prefix the text
		}
	}
	if (message === '') return `${name}: the vendor refused the request (the access token was rejected or has expired)`;
	return message.startsWith(`${name}:`) ? message : `${name}: ${message}`;
}

/** A URL's query may carry a token (Weekdone); transport messages quote URLs, so queries are dropped first. */
function withoutQueries(text: string): string {
	return text.replace(/(https?:\/\/[^\s?#"']*)[?#][^\s"']*/g, '$1');
}

/**
 * The error to throw instead of `error`: platform errors keep their class with message and stack redacted;
 * the lifecycle's VendorAuthError and any transport or other failure become a z.errors.Error that names
 * the vendor and the cause (a timeout says so).
 */
export function safeError(z: ZObject, vendor: VendorDefinition, error: unknown, secrets: readonly string[]): Error {
	const name = vendor.displayName;
	if (error instanceof Error && PLATFORM_ERROR_NAMES.has(error.name)) {
		error.message = redactText(withVendorName(error.message, name), secrets);
		if (error.stack) error.stack = redactSecrets(withoutQueries(error.stack), secrets);
		return error;
	}
	if (error instanceof VendorAuthError || (error instanceof Error && error.name === 'VendorAuthError')) {
		const auth = error as VendorAuthError;
		return new z.errors.Error(redactSecrets(auth.message, secrets), auth.oauthError ?? auth.cause_, auth.status);
	}
	if (isTimeoutFailure(error)) {
		return new z.errors.Error(`${name}: the request did not get an answer in time; try again later`, 'timeout', 504);
	}
	const message = error instanceof Error ? error.message : String(error);
	const text = redactSecrets(withoutQueries(message), secrets).slice(0, 300);
	return new z.errors.Error(text.startsWith(`${name}:`) ? text : `${name}: the request failed: ${text}`, 'request_failed', 502);
}

type AppMethod = (z: ZObject, bundle: Bundle) => unknown;

/** Methods whose result is the credential itself (Zapier stores it; also session auth's perform); every other result is redacted. */
const RESULT_IS_CREDENTIAL = new Set(['getAccessToken', 'refreshAccessToken', 'authorizeUrl']);

/**
 * Wraps one app method so whatever it throws passes through `safeError` with that invocation's secrets, and
 * its result (a vendor answer that echoes the token, shown to the Zap builder as step output) is redacted too.
 */
export function redactingErrors<F extends AppMethod>(vendor: VendorDefinition, method: F, key = ''): F {
	const wrapped = async (z: ZObject, bundle: Bundle) => {
		try {
			const result = await method(z, bundle);
			return RESULT_IS_CREDENTIAL.has(key) ? result : maskOutput(result, bundleSecrets(bundle));
		} catch (error) {
			throw safeError(z, vendor, error, bundleSecrets(bundle));
		}
	};
	return wrapped as unknown as F;
}

/** Method names core calls on triggers, creates, searches and authentication. */
const METHOD_KEYS = new Set([
	'perform',
	'performList',
	'performSubscribe',
	'performUnsubscribe',
	'performResume',
	'performGet',
	'test',
	'connectionLabel',
	'authorizeUrl',
	'getAccessToken',
	'refreshAccessToken',
	'inputFields',
	'outputFields',
]);

/**
 * Wraps every app method found under the given definition parts (also dynamic-field functions in
 * inputFields/outputFields arrays), in place, and returns the same object.
 */
export function redactAllErrors<T>(vendor: VendorDefinition, definition: T): T {
	const visit = (node: unknown, depth: number, parentKey = ''): void => {
		if (!node || typeof node !== 'object' || depth > 6) return;
		const record = node as Record<string, unknown>;
		for (const [key, value] of Object.entries(record)) {
			// session auth's perform returns the new token, which Zapier stores: a credential, like getAccessToken's
			const resultKey = parentKey === 'sessionConfig' && key === 'perform' ? 'getAccessToken' : key;
			if (typeof value === 'function' && METHOD_KEYS.has(key)) record[key] = redactingErrors(vendor, value as AppMethod, resultKey);
			else if (Array.isArray(value) && METHOD_KEYS.has(key)) {
				record[key] = value.map((item) => (typeof item === 'function' ? redactingErrors(vendor, item as AppMethod, key) : item));
			} else visit(value, depth + 1, key);
		}
	};
	visit(definition, 0);
	return definition;
}
