import type { VendorId } from '../clients';
import type { SandboxState } from '../state';
import type { IssueInput, IssuedTokens } from './tokens';

/** Who the tokens are for: the parts of a grant a code, a refresh token or the request itself establishes. */
export type Grant = Pick<IssueInput, 'clientId' | 'userId' | 'scope' | 'grantType'>;

/** The vendor's own token traits beside the access lifetime: refresh token and its lifetime, token prefixes. */
export type TokenTraits = Pick<IssueInput, 'refresh' | 'accessPrefix' | 'refreshPrefix'>;

/** Issues a vendor's tokens with its access lifetime (the documented one, or the accessTokenTtlSeconds override). */
export function issueTokens(state: SandboxState, vendor: VendorId, grant: Grant, traits: TokenTraits = {}): IssuedTokens {
	return state.tokens.issue({ vendor, ...grant, ...traits, accessTtlSeconds: state.accessTtl(vendor) });
}

/** The grant a redeemed code or a refresh token carries on (client, user, scope), under the grant type now used. */
export function grantOf(record: { clientId: string | null; userId: string | null; scope: string[] }, grantType: string): Grant {
	return { clientId: record.clientId, userId: record.userId, scope: record.scope, grantType };
}
