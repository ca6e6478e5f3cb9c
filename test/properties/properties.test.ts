/**
 * Property-based tests (fast-check) over the token parser, the refresh merge, the request builders, the host
 * rules and redaction. One file, so one run counts every generated case: the total is printed and written to
 * build/property-cases.json (scripts/test-all.sh can surface it in the summary).
 */
import { join } from 'path';

import { hostAndRedactionProperties } from './hosts-and-redaction.props';
import { mergeAndRequestProperties } from './merge-and-requests.props';
import { totalCases, writeCounts } from './runner';
import { lifecycleEchoProperties, tokenParserProperties } from './token-parser.props';

/** The floor for one run. */
const MIN_CASES = 10_000;

describe('properties', () => {
	test('token parser', () => tokenParserProperties());
	test('lifecycle errors never echo secrets', () => lifecycleEchoProperties());
	test('refresh merge and request builders', () => mergeAndRequestProperties());
	test('host rules and redaction', () => hostAndRedactionProperties());

	afterAll(() => {
		const file = writeCounts(join(__dirname, '..', '..'));
		// eslint-disable-next-line no-console
		console.log(`property-based tests: ${totalCases()} generated cases (${file})`);
	});

	test(`at least ${MIN_CASES} generated cases ran`, () => {
		expect(totalCases()).toBeGreaterThanOrEqual(MIN_CASES);
	});
});
