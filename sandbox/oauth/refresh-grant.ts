import type { VendorId } from '../clients';
import type { SandboxState } from '../state';
import { reject, type Rejection } from './code-exchange';
import type { RefreshTokenRecord } from './tokens';

export type RefreshCheck = { ok: true; record: RefreshTokenRecord } | Rejection;

/**
 * Validates a refresh token (RFC 6749 §6: the server must "validate the refresh token" and "ensure that the
 * refresh token was issued to the authenticated client"): present, the vendor's own, unexpired, unrevoked,
 * and issued to this client. Revoking it (rotation) is the vendor's own rule, left to the caller.
 */
export function checkRefreshGrant(state: SandboxState, vendor: VendorId, clientId: string, refreshToken: string | undefined): RefreshCheck {
	if (!refreshToken) return reject(400, 'invalid_request', 'Missing required parameter: refresh_token.');
	const check = state.tokens.checkRefresh(vendor, refreshToken);
	if (!check.ok) return reject(400, 'invalid_grant', `The refresh token is ${check.reason === 'unknown' ? 'invalid' : check.reason}.`);
	if (check.record.clientId !== clientId) return reject(400, 'invalid_grant', 'The refresh token was issued to another client.');
	return { ok: true, record: check.record };
}
