import type { VendorId } from '../clients';
import type { SandboxState } from '../state';
import type { CodeRecord } from './codes';

export type Rejection = { ok: false; status: number; error: string; description: string };
export type CodeExchange = { ok: true; record: CodeRecord } | Rejection;

export function reject(status: number, error: string, description: string): Rejection {
	return { ok: false, status, error, description };
}

/**
 * Validates and burns an authorization code: it must exist, be unused and unexpired, belong
 * to the authenticated client, and come with the very redirect URI sent to authorize.
 */
export function redeemCode(
	state: SandboxState,
	vendor: VendorId,
	clientId: string,
	code: string | undefined,
	redirectUri: string | undefined,
	redirectParam: string,
): CodeExchange {
	if (code === undefined) return reject(400, 'invalid_request', 'Missing required parameter: code.');
	if (redirectUri === undefined) return reject(400, 'invalid_request', `Missing required parameter: ${redirectParam}.`);
	const check = state.codes.check(vendor, code);
	if (!check.ok) {
		const why = { unknown: 'is invalid', expired: 'has expired', used: 'has already been used' }[check.reason];
		return reject(400, 'invalid_grant', `The authorization code ${why}.`);
	}
	if (check.record.clientId !== clientId) return reject(400, 'invalid_grant', 'The authorization code was issued to another client.');
	if (check.record.redirectUri !== redirectUri) {
		return reject(400, 'invalid_grant', `${redirectParam} does not match the one used in the authorization request.`);
	}
	state.codes.markUsed(check.record);
	return { ok: true, record: check.record };
}
