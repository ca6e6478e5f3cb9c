// The per-request context of WebWork handlers and the checks they share.
import { toInt } from '../http/params';
import type { RequestContext } from '../router';
import type { WebworkData, WwWorkspace } from '../seed/webwork-tracker';
import type { SandboxState } from '../state';
import { wwError } from './webwork-envelope';

export interface WwCall {
	ctx: RequestContext;
	state: SandboxState;
	data: WebworkData;
	params: Record<string, string>;
	userId: number;
	now: number;
}

/**
 * The workspace named by workspace_id, if the caller is its Owner or Executive Manager
 * ("REST API V2 access is restricted to Workspace Owners, Executive Managers").
 * Answers the error itself and returns undefined otherwise.
 */
export function requireWorkspace(call: WwCall, value: string | number | undefined): WwWorkspace | undefined {
	if (value === undefined || value === '') {
		wwError(call.ctx, 400, 'The workspace id field is required.', { workspace_id: ['The workspace id field is required.'] });
		return undefined;
	}
	const workspace = call.data.workspaces.find((w) => w.id === toInt(value));
	if (!workspace) {
		wwError(call.ctx, 404, 'Workspace not found.');
		return undefined;
	}
	const member = call.data.members.find((m) => m.workspace_id === workspace.id && m.user_id === call.userId && m.status === 'active');
	if (!member || !['Owner', 'Executive Manager'].includes(member.role)) {
		wwError(call.ctx, 403, 'Forbidden. You do not have access to this workspace.');
		return undefined;
	}
	return workspace;
}

/** A validation failure in Laravel's style: message plus per-field errors. */
export function invalid(call: WwCall, field: string, message: string): void {
	wwError(call.ctx, 400, message, { [field]: [message] });
}
