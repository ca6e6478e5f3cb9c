import { readVendorMessage } from '../../shared/vendor-message';

// The one reader the n8n transport and the Zapier middleware share (shared/vendor-message.ts).
test.each([
	['WebWork / Worksection message', { message: 'Task not found', error: 'x' }, 'Task not found'],
	['RFC 6749 error_description before error', { error: 'invalid_grant', error_description: 'Code expired' }, 'Code expired'],
	['Worksection OAuth errorDescription', { errorDescription: 'Bad client' }, 'Bad client'],
	['error as a string', { error: 'invalid_client' }, 'invalid_client'],
	['error as an object with message', { error: { message: 'Quota exceeded', code: 9 } }, 'Quota exceeded'],
	['detail', { detail: 'Not allowed' }, 'Not allowed'],
	['empty fields are skipped', { message: '', detail: 'Second' }, 'Second'],
	['JSON text is parsed', '{"message":"From text"}', 'From text'],
	['plain text is its own message', '  Service down \n', 'Service down'],
	['an HTML page is not a message', '<html><body>502</body></html>', undefined],
	['an empty body has none', '   ', undefined],
	['an object without a message field has none', { status: 'error' }, undefined],
	['an array has none', [{ message: 'x' }], undefined],
	['a number has none', 42, undefined],
])('%s', (_label, body, expected) => {
	expect(readVendorMessage(body)).toBe(expected);
});
