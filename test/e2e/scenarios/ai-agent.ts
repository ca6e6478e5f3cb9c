import { randomBytes, randomUUID } from 'node:crypto';

import { webworkTrackerOperations } from '../../../shared/operations/webwork-tracker';
import { parseFlatted } from '../lib/flatted';
import { jsonBody } from '../lib/http-session';
import type { CredentialRef, WorkflowSpec } from '../lib/n8n-client';
import { ScriptedModel, type ChatRequest } from '../lib/scripted-model';
import { WEBWORK_PAT, webwork } from '../lib/vendor-api';
import { TRIGGER } from '../lib/workflow';
import type { SuiteContext } from './context';

/**
 * Issue 10 item 5 in a real n8n: an AI Agent (n8n's own @n8n/n8n-nodes-langchain.agent) with the OpenAI
 * Chat Model pointed at a scripted stand-in on loopback (lib/scripted-model.ts) calls our WebWork Tracker
 * tool, the variant n8n derives from `usableAsTool`, whose Task ID is left to the model with $fromAI()
 * as the editor's "let the model define this parameter" button writes it. The stand-in first answers
 * with a tool call carrying a task ID, then with a final text built from the tool result it was sent.
 * The checks read the stand-in's recorded requests, the sandbox's request log and the execution data.
 */

const AGENT = 'AI Agent';
const MODEL = 'OpenAI Chat Model';
const TOOL = 'WebWork Tracker';
/**
 * n8n's tool name for a node: its name with everything but [a-zA-Z0-9_-] replaced by "_" (nodeNameToToolName,
 * https://github.com/n8n-io/n8n/blob/master/packages/workflow/src/tool-helpers.ts).
 */
const TOOL_NAME = TOOL.replace(/[^a-zA-Z0-9_-]+/g, '_');
const TOOL_TYPE = 'n8n-nodes-worktools.webworkTrackerTool';
const TOOL_CREDENTIAL = 'webworkTrackerPersonalAccessTokenApi';
const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
const MODEL_CREDENTIAL = 'openAiApi';
/** The $fromAI key, as the editor derives it from the field's display name "Task ID". */
const TASK_KEY = 'Task_ID';
const WORKSPACE = 1001; // sandbox/seed/webwork-tracker.ts WEBWORK_MAIN_WORKSPACE
const SANDBOX_API = '/webwork-tracker/api/v2';
/** The main fields the tool's Output "Simplified" keeps for a task (the catalogue's list; the node reads the same). */
const TASK_MAIN_FIELDS = webworkTrackerOperations.resources.find((r) => r.value === 'task')?.simplifiedFields ?? [];

type Json = Record<string, unknown>;

interface NodeProperty {
	name: string;
	type: string;
	description?: string;
	default?: unknown;
	options?: { name: string; value: unknown; action?: string }[];
	displayOptions?: { show?: Record<string, unknown[]> };
}

interface NodeTypeDescription {
	name: string;
	version: number | number[];
	properties: NodeProperty[];
}

export async function aiAgentToolScenario(ctx: SuiteContext): Promise<void> {
	const { client, sandbox } = ctx;
	let model: ScriptedModel | undefined;
	// What the stand-in decides and reads back; filled in as the checks go.
	let taskId = '';
	let finalText = '';
	try {
		await ctx.report.group(async (check) => {
			let tool: NodeTypeDescription | undefined;
			let taskProperty: NodeProperty | undefined;
			let workspaceProperty: NodeProperty | undefined;
			let record: Json = {};
			let secrets: string[] = [];
			let executionId = '';
			let toolOutput: Json[] = [];
			const modelKey = `e2e-model-key-${randomBytes(12).toString('hex')}`;
			const offeredTool = () => model?.chats[0]?.body.tools?.find((t) => t.function.name === TOOL_NAME);

			await check('AI agent: n8n has the agent, the OpenAI chat model and our WebWork Tracker tool', async () => {
				for (const type of [AGENT_TYPE, MODEL_TYPE, TOOL_TYPE]) if (!ctx.nodeTypes.has(type)) throw new Error(`node type ${type} is not loaded by n8n`);
				for (const type of [MODEL_CREDENTIAL, TOOL_CREDENTIAL]) if (!ctx.credentialTypes.has(type)) throw new Error(`credential type ${type} is not loaded by n8n`);
				tool = (await nodeTypes(ctx)).find((t) => t.name === TOOL_TYPE);
				const version = tool && latestVersion(tool);
				const fields = (tool?.properties ?? []).filter((p) => shows(p, 'task', 'get', version));
				taskProperty = fields.find((p) => p.name === 'taskId');
				workspaceProperty = fields.find((p) => p.name === 'workspaceId');
				if (!taskProperty || !workspaceProperty) throw new Error(`${TOOL_TYPE} v${version} has no taskId and workspaceId fields for task → get`);
				// What a user who adds the tool gets without touching it: Output = Simplified.
				const output = fields.find((p) => p.name === 'output');
				if (output?.default !== 'simple') throw new Error(`${TOOL_TYPE} v${version} task → get has no Output option defaulting to Simplified (${JSON.stringify(output ?? null).slice(0, 200)})`);
				if (TASK_MAIN_FIELDS.length === 0) throw new Error('the WebWork catalogue names no simplifiedFields for tasks');
			});

			await check('AI agent: the scripted model runs on loopback and the target task is read from the sandbox', async () => {
				// A task from the middle of the seeded workspace, read straight from the sandbox with the PAT.
				const list = (await webwork(sandbox.url, 'GET', '/tasks', { query: { workspace_id: String(WORKSPACE) } })).data as Json[];
				const target = list[Math.floor(list.length / 2)];
				if (!target) throw new Error('the sandbox has no WebWork tasks in the main workspace');
				taskId = String(target.id);
				record = (await webwork(sandbox.url, 'GET', `/tasks/${taskId}`, { query: { workspace_id: String(WORKSPACE) } })).data as Json;
				secrets = [modelKey, ...(await sandboxSecrets(sandbox.url))];
				if (!secrets.includes(WEBWORK_PAT)) throw new Error('the sandbox did not list the WebWork personal access token among its secrets');
				model = await ScriptedModel.start((request, turn) => script(request, turn, taskId, (text) => (finalText = text)));
			});

			await check(`AI agent: the agent's run calls ${TOOL_NAME} (task get) with the model's Task ID and ends with the model's answer`, async () => {
				if (!model || !tool || !taskProperty || !workspaceProperty) throw new Error('not set up');
				const modelCredential = await client.createCredential('e2e scripted model', MODEL_CREDENTIAL, { apiKey: modelKey, url: `${model.url}/v1` });
				const toolCredential = await client.createCredential('e2e webwork pat (ai tool)', TOOL_CREDENTIAL, { accessToken: WEBWORK_PAT });
				const workflow = await client.createWorkflow(agentWorkflow(tool, { task: taskProperty, workspace: workspaceProperty }, modelCredential, toolCredential));
				const logBefore = (await sandbox.log('webwork-tracker')).length;
				const result = await client.run(workflow, TRIGGER, 90_000);
				executionId = result.id;
				if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}; model saw ${model.requests.length} request(s): ${model.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
				const chats = model.chats;
				if (chats.length !== 2) throw new Error(`expected 2 chat requests (tool call, final answer), the stand-in got ${chats.length}: ${model.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
				const output = result.items(AGENT)[0]?.output;
				if (output !== finalText) throw new Error(`the agent's output is ${JSON.stringify(output)}, not the model's final answer ${JSON.stringify(finalText)}`);
				// The model-filled ID reached the vendor: the sandbox served GET /tasks/<id> during this run.
				const during = ((await sandbox.log('webwork-tracker')) as { method: string; path: string; status: number; authScheme?: string }[]).slice(logBefore);
				const hit = during.filter((e) => e.method === 'GET' && e.path === `${SANDBOX_API}/tasks/${taskId}`);
				if (hit.length !== 1 || hit[0]?.status !== 200) {
					throw new Error(`expected one GET ${SANDBOX_API}/tasks/${taskId} → 200 at the sandbox, saw: ${during.map((e) => `${e.method} ${e.path} → ${e.status}`).join('; ') || 'nothing'}`);
				}
				toolOutput = await toolItems(ctx, executionId);
			});

			await check(`AI agent: the tool result the model received is what our node returned: the sandbox's task, simplified to its ${TASK_MAIN_FIELDS.length} main fields`, async () => {
				const second = model?.chats[1]?.body;
				const toolMessage = second?.messages.find((m) => m.role === 'tool');
				if (!toolMessage || typeof toolMessage.content !== 'string') throw new Error(`the second chat request carried no tool message: ${JSON.stringify(second?.messages ?? []).slice(0, 400)}`);
				const received = JSON.parse(toolMessage.content) as unknown;
				if (!sameJson(received, toolOutput)) {
					throw new Error(`the model received ${toolMessage.content.slice(0, 300)}, the tool node's output (execution ${executionId}) is ${JSON.stringify(toolOutput).slice(0, 300)}`);
				}
				if (toolOutput.length !== 1) throw new Error(`expected one item from task get, got ${toolOutput.length}`);
				const item = toolOutput[0] as Json;
				const simplified = Object.fromEntries(TASK_MAIN_FIELDS.filter((k) => k in record).map((k) => [k, record[k]]));
				if (Object.keys(simplified).length >= Object.keys(record).length) throw new Error(`the sandbox's task has only ${Object.keys(record).length} fields: nothing to simplify`);
				if (!sameJson(item, simplified)) {
					throw new Error(`the tool's item is not the sandbox's task ${taskId} simplified: got ${JSON.stringify(item).slice(0, 300)}, expected ${JSON.stringify(simplified).slice(0, 300)} (of ${JSON.stringify(record).slice(0, 300)})`);
				}
			});

			await check('AI agent: no token or secret in anything the model received', async () => {
				// Named by position, never by value: a failure message must not print the secret either.
				const leaks = (model?.requests ?? []).flatMap((r, i) =>
					secrets.flatMap((s, n) => (r.text.includes(s) ? [`request ${i + 1} (${r.path}) contains ${n === 0 ? "the model credential's key" : `sandbox secret #${n}`}`] : [])),
				);
				if (leaks.length > 0) throw new Error(leaks.join('; '));
				// The stand-in's only credential is its own key, in the header n8n's OpenAI credential sends.
				const auth = model?.chats.map((r) => r.authorization);
				if (!auth?.every((a) => a === `Bearer ${modelKey}`)) throw new Error('a chat request came without the model credential\'s own Authorization header');
				console.log(`  model saw ${model?.chats.map((r) => r.text.length).join(' + ')} bytes; ${secrets.length} sandbox/model secrets checked; task ${taskId}; tool result ${Object.keys(toolOutput[0] ?? {}).length} fields`);
			});
			await check(`AI agent: the model was offered ${TOOL_NAME} with the Task ID parameter described by the node field's description`, async () => {
				const properties = (offeredTool()?.function.parameters?.properties ?? {}) as Record<string, { type?: string; description?: string }>;
				const param = properties[TASK_KEY];
				if (!param) throw new Error(`the tool's parameters lack ${TASK_KEY}: ${JSON.stringify(offeredTool()?.function.parameters)}`);
				if (!param.description || param.description !== taskProperty?.description) {
					throw new Error(`${TASK_KEY} is described as ${JSON.stringify(param.description)}, expected the node field's description ${JSON.stringify(taskProperty?.description)}`);
				}
			});

			// n8n builds the automatic tool description as "<action> in <node name>" from the FIRST operation
			// selector that shows for the resource, whatever its `@tool` condition (makeDescription and
			// resolveResourceAndOperation, https://github.com/n8n-io/n8n/blob/master/packages/workflow/src/node-helpers.ts),
			// so the tool variant's own action text reaches the model only if its selector comes first.
			await check('AI agent: the tool description the model got is the tool action (what it does and needs)', async () => {
				const offered = offeredTool();
				const action = tool && actionOf(tool, 'task', 'get');
				if (!action || offered?.function.description !== `${action} in ${TOOL}`) {
					throw new Error(`the model got the tool description ${JSON.stringify(offered?.function.description)}, expected ${JSON.stringify(`${action} in ${TOOL}`)} (the @tool operation selector's action)`);
				}
			});
		});
	} finally {
		await model?.close();
	}
}

/**
 * The scripted model: turn 0 must offer our tool and gets a call with the chosen task ID; turn 1 must
 * carry the tool's result and gets a final text quoting the task's title from that result.
 */
function script(request: ChatRequest, turn: number, taskId: string, answered: (text: string) => void) {
	if (turn === 0) {
		const offered = (request.tools ?? []).map((t) => t.function.name);
		if (!offered.includes(TOOL_NAME)) throw new Error(`expected the tool ${TOOL_NAME} among ${JSON.stringify(offered)}`);
		return { toolCall: { name: TOOL_NAME, arguments: { [TASK_KEY]: taskId } } };
	}
	if (turn === 1) {
		const result = request.messages.find((m) => m.role === 'tool');
		if (!result || typeof result.content !== 'string') throw new Error('expected a tool message with the tool result');
		const items = JSON.parse(result.content) as Json[];
		const title = items[0]?.title;
		if (typeof title !== 'string') throw new Error(`the tool result has no task title: ${result.content.slice(0, 200)}`);
		const text = `Task ${taskId} is "${title}".`;
		answered(text);
		return { text };
	}
	throw new Error(`no turn ${turn} in the script (the agent should have stopped after the final answer)`);
}

/** Manual Trigger → AI Agent, with the chat model and our tool attached the way the editor connects them. */
function agentWorkflow(tool: NodeTypeDescription, fields: { task: NodeProperty; workspace: NodeProperty }, modelCredential: CredentialRef, toolCredential: CredentialRef): WorkflowSpec {
	// What the editor writes when a user lets the model fill a field; the description is the field's own.
	const fromAi = `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${TASK_KEY}', \`${(fields.task.description ?? '').replace(/[`\\$]/g, '')}\`, 'string') }}`;
	return {
		name: 'e2e AI agent with the WebWork Tracker tool',
		nodes: [
			{ id: randomUUID(), name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: AGENT,
				type: AGENT_TYPE,
				typeVersion: 3,
				position: [220, 0],
				parameters: { promptType: 'define', text: 'What is the title of the WebWork task I mean?', options: {} },
			},
			{
				id: randomUUID(),
				name: MODEL,
				type: MODEL_TYPE,
				typeVersion: 1.3,
				position: [140, 200],
				// Chat Completions, not the Responses API: the stand-in serves /chat/completions only.
				parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, responsesApiEnabled: false, options: {} },
				credentials: { [MODEL_CREDENTIAL]: { id: modelCredential.id, name: modelCredential.name } },
			},
			{
				id: randomUUID(),
				name: TOOL,
				type: TOOL_TYPE,
				typeVersion: latestVersion(tool),
				position: [300, 200],
				parameters: {
					descriptionType: 'auto',
					authentication: TOOL_CREDENTIAL,
					resource: 'task',
					operation: 'get',
					workspaceId: byId(fields.workspace, String(WORKSPACE)),
					taskId: byId(fields.task, fromAi),
				},
				credentials: { [TOOL_CREDENTIAL]: { id: toolCredential.id, name: toolCredential.name } },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			[TOOL]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
	};
}

/** The node type descriptions n8n serves the editor (tool variants included). */
async function nodeTypes(ctx: SuiteContext): Promise<NodeTypeDescription[]> {
	const res = await ctx.client.http.request('GET', `${ctx.client.baseUrl}/types/nodes.json`);
	if (res.status !== 200) throw new Error(`GET /types/nodes.json: HTTP ${res.status}`);
	return jsonBody<NodeTypeDescription[]>(res);
}

/**
 * The items the tool node produced in the execution: its ai_tool output, which the agent sends the model as
 * JSON.stringify of the items' json (buildObservation,
 * https://github.com/n8n-io/n8n/blob/master/packages/%40n8n/nodes-langchain/utils/agent-execution/buildSteps.ts).
 */
async function toolItems(ctx: SuiteContext, executionId: string): Promise<Json[]> {
	const execution = await ctx.client.call<{ data: string }>('GET', `/rest/executions/${executionId}`);
	const data = parseFlatted(execution.data) as { resultData?: { runData?: Record<string, { data?: { ai_tool?: ({ json: Json }[] | null)[] } }[]> } };
	const runs = data.resultData?.runData?.[TOOL] ?? [];
	if (runs.length !== 1) throw new Error(`the tool node ran ${runs.length} time(s) in execution ${executionId}, expected once`);
	return (runs[0]?.data?.ai_tool?.[0] ?? []).map((item) => item.json);
}

/** Every fixed secret the sandbox hands out (client secrets, PAT, admin key, private token, password). */
async function sandboxSecrets(sandboxUrl: string): Promise<string[]> {
	const res = await fetch(`${sandboxUrl}/__sandbox/clients`, { signal: AbortSignal.timeout(10_000) });
	if (res.status !== 200) throw new Error(`sandbox GET /__sandbox/clients: HTTP ${res.status}`);
	const clients = (await res.json()) as Record<string, Json>;
	const secretKey = /secret|token|key|password/i;
	return Object.values(clients).flatMap((c) => Object.entries(c).filter(([k, v]) => secretKey.test(k) && typeof v === 'string' && v.length >= 6).map(([, v]) => v as string));
}

/** A field's value as the editor stores it: a resource locator in its "By ID" mode, anything else as is. */
function byId(property: NodeProperty, value: string): unknown {
	return property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value } : value;
}

/** Whether the field is shown for the resource and operation in this node version (as the tool, `@tool` true). */
function shows(property: NodeProperty, resource: string, operation: string, version: number | undefined): boolean {
	const show = property.displayOptions?.show ?? {};
	const versionOk = (show['@version'] ?? []).every((cond) => versionMatches(cond, version));
	return (
		(show.resource ?? [resource]).includes(resource) &&
		(show.operation ?? [operation]).includes(operation) &&
		(show['@tool'] ?? [true]).includes(true) &&
		versionOk
	);
}

/** `@version` conditions are numbers or {_cnd: {gte|lte|gt|lt|eq: n}} (n8n-workflow displayParameter). */
function versionMatches(cond: unknown, version: number | undefined): boolean {
	if (version === undefined) return true;
	if (typeof cond === 'number') return cond === version;
	const c = (cond as { _cnd?: Record<string, number> })._cnd ?? {};
	return Object.entries(c).every(([op, n]) =>
		op === 'gte' ? version >= n : op === 'lte' ? version <= n : op === 'gt' ? version > n : op === 'lt' ? version < n : op === 'eq' ? version === n : true,
	);
}

/** The `action` text of an operation as the tool variant offers it (what n8n's automatic tool description uses). */
function actionOf(tool: NodeTypeDescription, resource: string, operation: string): string | undefined {
	const selector = tool.properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource) && shows(p, resource, operation, latestVersion(tool)));
	return selector?.options?.find((o) => o.value === operation)?.action;
}

function latestVersion(type: NodeTypeDescription): number {
	return Array.isArray(type.version) ? Math.max(...type.version) : type.version;
}

/** Deep equality of JSON values, key order ignored. */
function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value as Json).sort().map((k) => [k, canonical((value as Json)[k])]));
	}
	return value;
}
