/**
 * The generated operations against the local vendor sandbox (an independent, stateful implementation of the
 * five APIs): connect through the app's own OAuth flow, then run a polling trigger, a create and a search
 * per vendor and check that what Zapier would get has the right shape.
 */
import axios from 'axios';

import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import type { VendorId } from '../../shared/types';
import { harness, resetEnv } from './harness';

const REDIRECT = 'https://zapier.com/dashboard/auth/oauth/return/App1CLIAPI/';
type Row = Record<string, unknown>;

let sandbox: RunningSandbox;
beforeAll(async () => {
	// Assumptions this suite relies on, by name (sandbox/README.md); the ones requests actually needed are
	// written to build/assumptions/ and listed in the npm test summary.
	sandbox = await startSandbox({
		port: 0,
		autoApprove: true,
		assumptions: ['worktual-authorize-url', 'worktual-authorization-header', 'wordapp-authorize-url', 'wordapp-token-url', 'wordapp-token-info', 'wordapp-api-version-value'],
		assumptionsFile: `${__dirname}/../../build/assumptions/jest-zapier-operations.json`,
	});
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(resetEnv);

/** Points the integration's env at the sandbox (as zapier-validate.sh --lifecycle does) and connects. */
async function connect(id: VendorId) {
	const client = (await axios.get(`${sandbox.url}/__sandbox/clients`)).data[id] as { clientId: string; clientSecret: string; urls: Record<string, string> };
	const env: Record<string, string | undefined> = {
		CLIENT_ID: client.clientId,
		CLIENT_SECRET: client.clientSecret,
		AUTHORIZE_URL: client.urls.authorize,
		TOKEN_URL: client.urls.token,
		REFRESH_URL: client.urls.refresh,
		API_BASE_URL: client.urls.api,
		// the operator's explicit trust for the sandbox's loopback account_url (shared/oauth/hosts.ts)
		TRUSTED_ORIGINS: sandbox.url,
	};
	for (const [name, value] of Object.entries(env)) if (value) process.env[name] = value;
	const h = harness(id);
	const url = (await h.run(h.oauth2.authorizeUrl, { inputData: { state: 's1', redirect_uri: REDIRECT } })) as string;
	const consent = await axios.get(url, { maxRedirects: 0, validateStatus: () => true });
	const code = new URL(String(consent.headers.location)).searchParams.get('code');
	const authData = (await h.run(h.oauth2.getAccessToken, { inputData: { code, redirect_uri: REDIRECT, state: 's1' } })) as Record<string, string>;
	const groups = h.app as unknown as Record<string, Record<string, { operation: { perform: unknown } }>>;
	return (group: 'triggers' | 'creates' | 'searches', key: string, bundle: Row = {}) => h.run(groups[group][key].operation.perform, { authData, ...bundle });
}

function expectNewestFirstWithIds(records: Row[]): void {
	expect(records.length).toBeGreaterThan(0);
	const ids = records.map((r) => r.id);
	expect(ids.every((id) => id !== undefined && id !== null)).toBe(true);
	expect(new Set(ids).size).toBe(ids.length);
}

test('Weekdone: New Item, Create Item', async () => {
	const run = await connect('weekdone');
	const items = (await run('triggers', 'newItem')) as Row[];
	expectNewestFirstWithIds(items);
	const inserted = items.map((r) => String(r.inserted));
	expect(inserted).toEqual([...inserted].sort().reverse());
	const created = (await run('creates', 'item_create', { inputData: { description: 'From Zapier', typeId: '1' } })) as Row;
	expect(created).toMatchObject({ description: 'From Zapier', type_id: 1, id: expect.any(Number) });
});

test('Worksection: New Task, Create Task, Find Task', async () => {
	const run = await connect('worksection');
	const tasks = (await run('triggers', 'newTask')) as Row[];
	expectNewestFirstWithIds(tasks);
	const project = (tasks[0].project as Row).id;
	const created = (await run('creates', 'task_create', { inputData: { idProject: String(project), title: 'From Zapier', dateend: '2030-05-01T00:00:00Z' } })) as Row;
	expect(created).toMatchObject({ name: 'From Zapier', id: expect.anything() });
	const found = (await run('searches', 'task_get', { inputData: { idTask: String(created.id) } })) as Row[];
	expect(found).toEqual([expect.objectContaining({ id: created.id, name: 'From Zapier' })]);
});

test('Worktual: New Contact asks for the last day only (one page); its sample reads the newest; Find Contact; a missing one is nothing found', async () => {
	const run = await connect('worktual');
	// the seeded contacts are older than a day: a poll narrowed to recent contacts finds none of them
	expect(await run('triggers', 'newContact')).toEqual([]);
	const contacts = (await run('triggers', 'newContact', { meta: { isLoadingSample: true } })) as Row[];
	expectNewestFirstWithIds(contacts);
	expect(contacts.length).toBe(3);
	expect(contacts[0].id).toBe(contacts[0].coid);
	expect(Number(contacts[0].id)).toBeGreaterThan(Number(contacts[contacts.length - 1].id));
	expect(await run('searches', 'contact_get', { inputData: { contactId: String(contacts[0].coid) } })).toEqual([contacts[0]].map(({ id: _id, ...rest }) => rest));
	expect(await run('searches', 'contact_get', { inputData: { contactId: '99999999' } })).toEqual([]);
});

test('WebWork Tracker: dropdowns, New Task, Create Task, Find Project', async () => {
	const run = await connect('webwork-tracker');
	const [workspace] = (await run('triggers', 'dropdown_workspaces')) as Row[];
	const workspaceId = String(workspace.id);
	const [project] = (await run('triggers', 'dropdown_projects', { inputData: { workspaceId } })) as Row[];
	expectNewestFirstWithIds((await run('triggers', 'newTask', { inputData: { workspaceId } })) as Row[]);
	const created = (await run('creates', 'task_create', { inputData: { workspaceId, projectId: String(project.id), title: 'From Zapier', status: '10', priority: '20' } })) as Row;
	expect(created).toMatchObject({ title: 'From Zapier', status: 10, priority: 20, project_id: project.id });
	expect(await run('searches', 'project_get', { inputData: { workspaceId, projectId: String(project.id) } })).toEqual([expect.objectContaining({ id: project.id, name: project.name })]);
});

test('Wordapp: the connection test reads the token info beside the API base', async () => {
	const run = await connect('wordapp');
	const h = harness('wordapp');
	const groups = h.app as unknown as Record<string, Record<string, { operation: { perform: unknown } }>>;
	expect(Object.keys(groups.searches ?? {})).toEqual([]);
	expect(await run('triggers', 'connection_check')).toEqual([expect.objectContaining({ scope: ['public'], application: expect.any(Object) })]);
});
