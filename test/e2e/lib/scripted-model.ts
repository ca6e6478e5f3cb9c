import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI Chat Completions API (https://platform.openai.com/docs/api-reference/chat),
 * enough of it for n8n's OpenAI Chat Model node (LangChain's ChatOpenAI) to drive an AI Agent: each
 * `POST /v1/chat/completions` is answered by the scenario's script, in order, and recorded with its body
 * so the test can read exactly what the "model" was shown. Loopback only; no real model is involved.
 */

type Json = Record<string, unknown>;

/** One recorded request to the stand-in. */
export interface ModelRequest {
	method: string;
	path: string;
	/** The Authorization header as received (the test's own dummy API key). */
	authorization: string | undefined;
	/** The raw body text: what the secret checks scan. */
	text: string;
	body: Json;
}

/** What the model answers on one turn. */
export type ModelTurn = { toolCall: { name: string; arguments: Json } } | { text: string };

/** Decides the answer to one chat request (turn 0, 1, ...); throwing answers HTTP 400 with the message. */
export type ModelScript = (request: ChatRequest, turn: number) => ModelTurn;

/** The parts of a chat completions request body the scripts read. */
export interface ChatRequest {
	model: string;
	messages: { role: string; content?: unknown; tool_call_id?: string; tool_calls?: unknown[] }[];
	tools?: { type: string; function: { name: string; description?: string; parameters?: Json } }[];
	stream?: boolean;
}

export class ScriptedModel {
	readonly requests: ModelRequest[] = [];
	private turns = 0;

	private constructor(
		private readonly server: Server,
		readonly url: string,
		private readonly script: ModelScript,
	) {}

	/** Listens on a kernel-chosen loopback port (no race with another process picking the same one). */
	static async start(script: ModelScript): Promise<ScriptedModel> {
		let model: ScriptedModel | undefined;
		const server = createServer((req, res) => {
			void model?.handle(req, res);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		const { port } = server.address() as AddressInfo;
		model = new ScriptedModel(server, `http://127.0.0.1:${port}`, script);
		return model;
	}

	/** The chat requests in order (the tool-list and anything else excluded). */
	get chats(): (ModelRequest & { body: ChatRequest & Json })[] {
		return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')) as (ModelRequest & { body: ChatRequest & Json })[];
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		let body: Json = {};
		try {
			body = text ? (JSON.parse(text) as Json) : {};
		} catch {
			return send(res, 400, { error: { message: 'scripted model: body is not JSON', type: 'invalid_request_error' } });
		}
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const auth = req.headers.authorization;
		this.requests.push({ method: req.method ?? '', path, authorization: typeof auth === 'string' ? auth : undefined, text, body });

		if (req.method === 'GET' && path.endsWith('/models')) {
			return send(res, 200, { object: 'list', data: [{ id: 'scripted-model', object: 'model', created: 0, owned_by: 'e2e' }] });
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			// The Responses API or anything else: the scenario configures Chat Completions, so this is a finding.
			return send(res, 404, { error: { message: `scripted model: no route ${req.method} ${path}`, type: 'invalid_request_error' } });
		}
		const request = body as unknown as ChatRequest;
		let turn: ModelTurn;
		try {
			turn = this.script(request, this.turns++);
		} catch (error) {
			return send(res, 400, { error: { message: `scripted model: ${error instanceof Error ? error.message : String(error)}`, type: 'invalid_request_error' } });
		}
		const model = typeof request.model === 'string' ? request.model : 'scripted-model';
		const id = `chatcmpl-e2e-${this.turns}`;
		const message =
			'toolCall' in turn
				? {
						role: 'assistant',
						content: null,
						tool_calls: [{ id: `call_e2e_${this.turns}`, type: 'function', function: { name: turn.toolCall.name, arguments: JSON.stringify(turn.toolCall.arguments) } }],
					}
				: { role: 'assistant', content: turn.text };
		const finish = 'toolCall' in turn ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (request.stream === true) return stream(res, { id, model, message, finish, usage });
		send(res, 200, { id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage });
	}
}

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** The same answer as server-sent chat.completion.chunk events, for a client that asks to stream. */
function stream(res: ServerResponse, answer: { id: string; model: string; message: Json; finish: string; usage: Json }): void {
	res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
	const created = Math.floor(Date.now() / 1000);
	const chunk = (delta: Json, finish: string | null, extra: Json = {}) =>
		res.write(`data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created, model: answer.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`);
	const calls = answer.message.tool_calls as { id: string; type: string; function: Json }[] | undefined;
	if (calls) chunk({ role: 'assistant', content: null, tool_calls: calls.map((c, index) => ({ index, ...c })) }, null);
	else chunk({ role: 'assistant', content: answer.message.content }, null);
	chunk({}, answer.finish, { usage: answer.usage });
	res.end('data: [DONE]\n\n');
}
