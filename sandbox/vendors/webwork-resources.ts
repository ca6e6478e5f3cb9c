// WebWork workspaces, members and projects.
import { toInt } from '../http/params';
import { parseDay, ymdHms } from '../seed/dates';
import { newWebworkProject, type WwProject } from '../seed/webwork-tracker';
import { invalid, requireWorkspace, type WwCall } from './webwork-call';
import { readPaging, wwError, wwOk, wwPage } from './webwork-envelope';
import { fireWebworkEvent } from './webwork-webhooks';

export function listWorkspaces(call: WwCall): void {
	const paging = readPaging(call.ctx);
	if (!paging) return;
	const mine = call.data.members.filter((m) => m.user_id === call.userId && m.status === 'active');
	const rows = call.data.workspaces.filter((w) => mine.some((m) => m.workspace_id === w.id));
	wwPage(call.ctx, rows, paging, (w) => {
		const owner = call.data.users.find((u) => u.id === w.owner_id);
		return {
			id: w.id,
			name: w.name,
			role: mine.find((m) => m.workspace_id === w.id)?.role,
			status: w.status,
			owner: owner ? { id: owner.id, name: `${owner.firstname} ${owner.lastname}`, email: owner.email } : null,
		};
	});
}

export function listMembers(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const paging = readPaging(call.ctx);
	if (!paging) return;
	const { email, status, role } = call.params;
	const rows = call.data.members
		.filter((m) => m.workspace_id === workspace.id)
		.filter((m) => !status || m.status === status)
		.filter((m) => !role || m.role === role)
		.map((m) => ({ member: m, user: call.data.users.find((u) => u.id === m.user_id) }))
		.filter((r) => !email || r.user?.email === email);
	wwPage(call.ctx, rows, paging, ({ member, user }) => ({
		user_id: member.user_id,
		email: user?.email,
		firstname: user?.firstname,
		lastname: user?.lastname,
		role: member.role,
		status: member.status,
	}));
}

export function createMember(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const { email, firstname, lastname } = call.params;
	if (!email) return invalid(call, 'email', 'The email field is required.');
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return invalid(call, 'email', 'The email must be a valid email address.');
	const role = call.params.role || 'Regular User';
	if (!['Regular User', 'Manager', 'Executive Manager'].includes(role)) return invalid(call, 'role', 'The selected role is invalid.');
	let user = call.data.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
	if (user && call.data.members.some((m) => m.workspace_id === workspace.id && m.user_id === user?.id)) {
		return invalid(call, 'email', 'This user is already a member of the workspace.');
	}
	if (!user) {
		user = { id: call.data.nextId++, email, firstname: firstname ?? '', lastname: lastname ?? '' };
		call.data.users.push(user);
	}
	call.data.members.push({ workspace_id: workspace.id, user_id: user.id, role, status: 'invited' });
	const result = { user_id: user.id, invitation_link: `${call.state.baseUrl}/webwork-tracker/invite/${user.id}` };
	fireWebworkEvent(call, workspace.id, 'member.invited', { user_id: user.id, email: user.email, role });
	wwOk(call.ctx, result, 201);
}

export function listProjects(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const paging = readPaging(call.ctx);
	if (!paging) return;
	const name = call.params.name?.toLowerCase();
	const rows = call.data.projects.filter((p) => p.workspace_id === workspace.id && p.status === 'active' && (!name || p.name.toLowerCase().includes(name)));
	wwPage(call.ctx, rows, paging);
}

export function createProject(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	if (!call.params.name) return invalid(call, 'name', 'The name field is required.');
	const project = newWebworkProject(call.data.nextId++, workspace.id, call.params.name, ymdHms(call.now));
	if (!applyProjectFields(call, project)) return;
	call.data.projects.push(project);
	fireWebworkEvent(call, workspace.id, 'project.created', project);
	wwOk(call.ctx, project, 201);
}

export function getProject(call: WwCall): void {
	const project = findProject(call);
	if (project) wwOk(call.ctx, project);
}

export function updateProject(call: WwCall): void {
	const project = findProject(call);
	if (!project) return;
	if (call.params.name !== undefined && call.params.name === '') return invalid(call, 'name', 'The name field must not be empty.');
	if (call.params.name) project.name = call.params.name;
	if (!applyProjectFields(call, project)) return;
	project.updated_at = ymdHms(call.now);
	fireWebworkEvent(call, project.workspace_id, 'project.updated', project);
	wwOk(call.ctx, project);
}

/** DELETE archives the project, as the docs describe. */
export function deleteProject(call: WwCall): void {
	const project = findProject(call);
	if (!project) return;
	project.status = 'archived';
	project.updated_at = ymdHms(call.now);
	fireWebworkEvent(call, project.workspace_id, 'project.deleted', { id: project.id, name: project.name });
	wwOk(call.ctx, null, 200, 'Project archived successfully.');
}

function findProject(call: WwCall): WwProject | undefined {
	const project = call.data.projects.find((p) => p.id === toInt(call.ctx.params.id) && p.status === 'active');
	if (!project) {
		wwError(call.ctx, 404, 'Project not found.');
		return undefined;
	}
	return requireWorkspace(call, project.workspace_id) ? project : undefined;
}

/** Optional project fields; false after answering a validation error. */
function applyProjectFields(call: WwCall, project: WwProject): boolean {
	const { params } = call;
	for (const field of ['start_date', 'deadline'] as const) {
		const value = params[field];
		if (value === undefined || value === '') continue;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDay(value) === undefined) {
			invalid(call, field, `The ${field.replace('_', ' ')} must be a date in Y-m-d format.`);
			return false;
		}
		project[field] = value;
	}
	for (const field of ['estimation', 'budget'] as const) {
		const value = params[field];
		if (value === undefined || value === '') continue;
		if (!Number.isFinite(Number(value))) {
			invalid(call, field, `The ${field} must be a number.`);
			return false;
		}
		project[field] = Number(value);
	}
	if (params.notes !== undefined) project.notes = params.notes;
	if (params.icon !== undefined) project.icon = params.icon;
	return true;
}
