import { parseFlatted } from './flatted';
import { HttpSession, jsonBody, type HttpResponse } from './http-session';
import { waitFor } from './wait';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Webhook trigger nodes carry one, as the editor gives them. */
	webhookId?: string;
}

export interface WorkflowSpec {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface Workflow extends WorkflowSpec {
	id: string;
}

export interface ExecutionResult {
	id: string;
	status: string;
	/** Workflow-level error message (with description), when the execution failed. */
	error?: string;
	/** Output items (json) of the given node's first run, first output. */
	items(nodeName: string): Record<string, unknown>[];
}

interface ErrorLike {
	message?: string;
	description?: string;
	httpCode?: string;
}

/** The n8n editor's REST API as a browser would use it: cookie session bound to a constant browser-id. */
export class N8nClient {
	// n8n binds the n8n-auth JWT to a hash of this header: every request must repeat it.
	readonly http = new HttpSession({ 'browser-id': 'worktools-e2e-browser' });

	constructor(readonly baseUrl: string) {}

	/** OAuth redirect URL n8n sends to providers (from N8N_EDITOR_BASE_URL). */
	get oauthCallbackUrl(): string {
		return `${this.baseUrl}/rest/oauth2-credential/callback`;
	}

	async setupOwner(owner: Owner): Promise<void> {
		await this.call('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		await this.call('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Node type names known to the server (needs a logged-in session in n8n 2.x). */
	async nodeTypeNames(): Promise<string[]> {
		return this.typeNames('/types/nodes.json');
	}

	async credentialTypeNames(): Promise<string[]> {
		return this.typeNames('/types/credentials.json');
	}

	/** Credential type descriptions as the editor gets them (properties merged over the parents). */
	async credentialTypes(): Promise<{ name: string; properties?: { name: string; type: string; displayName: string }[] }[]> {
		const res = await this.http.request('GET', `${this.baseUrl}/types/credentials.json`);
		if (res.status !== 200) throw new Error(`GET /types/credentials.json: HTTP ${res.status}: ${snippet(res.text)}`);
		return jsonBody<{ name: string; properties?: { name: string; type: string; displayName: string }[] }[]>(res);
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
		const created = await this.call<{ id: string }>('POST', '/rest/credentials', { name, type, data });
		return { id: String(created.id), name, type };
	}

	/**
	 * The OAuth2 connect button without a browser: ask n8n for the authorize URL, open it on the provider
	 * (the sandbox with --auto-approve answers 302 to n8n's callback), then load the callback with the
	 * session cookie like the browser would. n8n's error page is HTTP 200 too, so the text decides.
	 */
	async connectOAuth2(credentialId: string): Promise<void> {
		const authorizeUrl = await this.call<string>('GET', `/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`);
		const consent = await this.http.request('GET', authorizeUrl);
		const callback = consent.headers.get('location');
		if (consent.status !== 302 || !callback) {
			throw new Error(`authorize ${authorizeUrl} answered HTTP ${consent.status} without a redirect: ${snippet(consent.text)}`);
		}
		const target = new URL(callback, authorizeUrl).toString();
		if (!target.startsWith(this.oauthCallbackUrl)) throw new Error(`provider redirected to ${target}, not to n8n's callback`);
		const page = await this.http.request('GET', target);
		if (!page.text.includes('Connection successful')) {
			throw new Error(`n8n callback did not connect (HTTP ${page.status}): ${snippet(htmlText(page.text))}`);
		}
	}

	async createWorkflow(spec: WorkflowSpec): Promise<Workflow> {
		const settings = { executionOrder: 'v1', ...spec.settings };
		const created = await this.call<{ id: string }>('POST', '/rest/workflows', { ...spec, settings, active: false });
		return { ...spec, settings, id: String(created.id) };
	}

	/** Manual run from the given trigger node. 2.x reads triggerToStartFrom; 1.x needs workflowData: send both. */
	async startRun(workflow: Workflow, triggerName: string): Promise<string> {
		const started = await this.call<{ executionId?: string }>('POST', `/rest/workflows/${workflow.id}/run`, {
			workflowData: workflow,
			triggerToStartFrom: { name: triggerName },
		});
		if (!started.executionId) throw new Error(`run of workflow ${workflow.id} returned no executionId: ${JSON.stringify(started)}`);
		return String(started.executionId);
	}

	async waitForExecution(executionId: string, timeoutMs = 60_000): Promise<ExecutionResult> {
		const done = ['success', 'error', 'crashed', 'canceled'];
		const execution = await waitFor(
			`execution ${executionId}`,
			async () => {
				const ex = await this.call<{ status: string; data: string }>('GET', `/rest/executions/${executionId}`);
				return done.includes(ex.status) ? ex : undefined;
			},
			timeoutMs,
			200,
		);
		return toResult(executionId, execution.status, parseFlatted(execution.data));
	}

	async run(workflow: Workflow, triggerName: string, timeoutMs?: number): Promise<ExecutionResult> {
		return this.waitForExecution(await this.startRun(workflow, triggerName), timeoutMs);
	}

	/** Calls a REST endpoint and returns its `data` field; non-2xx throws with n8n's message. */
	async call<T>(method: string, path: string, json?: unknown): Promise<T> {
		const res = await this.http.request(method, `${this.baseUrl}${path}`, { json });
		return unwrap<T>(method, path, res);
	}

	private async typeNames(path: string): Promise<string[]> {
		const res = await this.http.request('GET', `${this.baseUrl}${path}`);
		if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}: ${snippet(res.text)}`);
		return jsonBody<{ name: string }[]>(res).map((t) => t.name);
	}
}

function unwrap<T>(method: string, path: string, res: HttpResponse): T {
	if (res.status < 200 || res.status >= 300) {
		let message = snippet(res.text);
		try {
			message = (JSON.parse(res.text) as { message?: string }).message ?? message;
		} catch {
			// not JSON: keep the text
		}
		throw new Error(`${method} ${path}: HTTP ${res.status}: ${message}`);
	}
	return jsonBody<{ data: T }>(res).data;
}

function toResult(id: string, status: string, data: unknown): ExecutionResult {
	const resultData = (data as { resultData?: { runData?: Record<string, unknown[]>; error?: ErrorLike } }).resultData ?? {};
	const runData = resultData.runData ?? {};
	const firstRun = (node: string) => runData[node]?.[0] as { data?: { main?: ({ json: Record<string, unknown> }[] | null)[] }; error?: ErrorLike } | undefined;
	let error: string | undefined;
	if (status !== 'success') {
		const nodeError = Object.keys(runData)
			.map((node) => firstRun(node)?.error)
			.find((e) => e !== undefined);
		error = describe(resultData.error ?? nodeError) ?? `execution ended with status ${status}`;
	}
	return {
		id,
		status,
		error,
		items: (node) => (firstRun(node)?.data?.main?.[0] ?? []).map((item) => item.json),
	};
}

function describe(error: ErrorLike | undefined): string | undefined {
	if (!error) return undefined;
	const parts = [error.message, error.description].filter((p): p is string => typeof p === 'string' && p !== '');
	return parts.length > 0 ? parts.join(' | ') : JSON.stringify(error).slice(0, 300);
}

function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function htmlText(html: string): string {
	return html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
}
