import type { AssumptionName } from '../assumptions';
import type { RequestContext } from '../router';
import type { WorksectionData } from '../seed/worksection';
import type { SandboxState } from '../state';

/** One API call after authentication: who acts, with which parameters. */
export interface WsCall {
	ctx: RequestContext;
	state: SandboxState;
	data: WorksectionData;
	params: Record<string, string>;
	/** 'oauth' = /api/oauth2 with a user token; 'admin' = /api/admin/v2 with the account API key. */
	mode: 'oauth' | 'admin';
	/** The acting user (the token's owner, or the account owner for the admin key). */
	userId: number;
	now: number;
}

export type WsBody = Record<string, unknown>;

export interface WsAction {
	/** OAuth scope the action needs (sandbox assumption; the docs name scopes, not the mapping). */
	scope?: string;
	/** Only callable with a user token (the vendor SDK marks `me` as user-only). */
	userOnly?: boolean;
	/** The action exists only under this assumption (it is in no vendor document). */
	assumption?: AssumptionName;
	/** With this assumption on, any OAuth token may call the action whatever its scope. */
	unscopedWith?: AssumptionName;
	run: (call: WsCall) => WsBody;
}

// Status codes: 2 is documented ("Action hash is missed or invalid"); the rest are sandbox choices.
export const WS_CODE = {
	invalidAction: 1,
	hash: 2,
	badParam: 3,
	notFound: 4,
	forbidden: 5,
	token: 401,
} as const;

export function wsOk(extra: WsBody = {}): WsBody {
	return { status: 'ok', ...extra };
}

export function wsError(statusCode: number, message: string): WsBody {
	return { status: 'error', status_code: statusCode, message };
}
