/** The one reader of 200-with-error answers (shared/error-envelope.ts), driven by each definition's `api.errorEnvelopes`. */
import { readErrorEnvelope } from '../../shared/error-envelope';
import { testAnswerProblem } from '../../shared/oauth';
import { ANSWER_ERROR_ENVELOPES, STATUS_ERROR_ENVELOPE, SUCCESS_FALSE_ENVELOPE } from '../../shared/vendors/common';
import { vendorList } from '../../shared/vendors';

describe('readErrorEnvelope', () => {
	test('Worksection shape: message and vendor code', () => {
		expect(readErrorEnvelope([STATUS_ERROR_ENVELOPE], { status: 'error', status_code: 2, message: 'Action hash is missed or invalid' })).toEqual({ message: 'Action hash is missed or invalid', code: '2' });
	});

	test('WebWork shape; the message falls back along messagePaths, and may be absent', () => {
		expect(readErrorEnvelope([SUCCESS_FALSE_ENVELOPE], { success: false, error_description: 'archived' })).toEqual({ message: 'archived', code: undefined });
		expect(readErrorEnvelope([SUCCESS_FALSE_ENVELOPE], { success: false, message: '' })).toEqual({ message: undefined, code: undefined });
	});

	test('data is not an error: other values, other envelopes, arrays, scalars', () => {
		for (const body of [{ status: 'ok' }, { success: true }, { success: 'false' }, { status: 'ERROR' }, [{ status: 'error' }], 'status error', null, undefined, 0]) {
			expect([body, readErrorEnvelope(ANSWER_ERROR_ENVELOPES, body)]).toEqual([body, undefined]);
		}
		expect(readErrorEnvelope([SUCCESS_FALSE_ENVELOPE], { status: 'error', message: 'x' })).toBeUndefined();
	});

	test('a nested path, as a vendor with its own shape declares it', () => {
		const envelope = { path: 'ok', equals: false, messagePaths: ['error.detail'], codePath: 'error.code' };
		expect(readErrorEnvelope([envelope], { ok: false, error: { detail: 'Quota exceeded', code: 'quota' } })).toEqual({ message: 'Quota exceeded', code: 'quota' });
		expect(readErrorEnvelope([envelope], { ok: true })).toBeUndefined();
	});

	test('every real vendor declares its envelopes', () => {
		for (const vendor of vendorList) expect([vendor.id, vendor.api.errorEnvelopes.length > 0]).toEqual([vendor.id, true]);
	});

	test('the connection-test check reads the envelopes it is given', () => {
		expect(testAnswerProblem(200, '{"status":"error","message":"no"}', ANSWER_ERROR_ENVELOPES)).toBe('an error answer');
		expect(testAnswerProblem(200, '{"status":"error","message":"no"}', [])).toBeUndefined();
		expect(testAnswerProblem(200, '{"ok":false}', [{ path: 'ok', equals: false, messagePaths: [] }])).toBe('an error answer');
	});
});
