import { join } from 'node:path';

import { ManagedProcess, waitUntilServing } from './processes';
import { pathWith, type Runtime } from './runtime';

export interface N8nServerOptions {
	runtime: Runtime;
	port: number;
	/** Task broker port: n8n's default 5679 is often taken by another n8n on the same machine. */
	brokerPort: number;
	/** Fresh folder per run: holds the sqlite DB and .n8n/nodes (our installed package). */
	userFolder: string;
	/** Where n8n.log and n8n.pid go. */
	runDir: string;
	/** CREDENTIALS_OVERWRITE_DATA: per credential type, field values n8n applies when the stored value is empty. */
	credentialsOverwrite?: Record<string, Record<string, string>>;
	env?: Record<string, string>;
	readyTimeoutMs?: number;
	/** Called right after spawning, before the wait, so callers can register the process for cleanup. */
	onStarted?: (child: ManagedProcess) => void;
}

export interface N8nServer {
	url: string;
	process: ManagedProcess;
	logFile: string;
}

/** Environment of a private, offline-friendly n8n (https://docs.n8n.io/hosting/configuration/environment-variables/). */
export function n8nEnv(options: N8nServerOptions): NodeJS.ProcessEnv {
	const url = `http://127.0.0.1:${options.port}`;
	// Settings from the caller's shell (another n8n setup, a Postgres DB) must not leak into this instance.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(N8N_|DB_|CREDENTIALS_|EXECUTIONS_|QUEUE_|WEBHOOK_URL)/.test(key)));
	return {
		...inherited,
		PATH: pathWith(options.runtime.node),
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// Also the base of the OAuth redirect URL n8n sends: http://127.0.0.1:<port>/rest/oauth2-credential/callback
		N8N_EDITOR_BASE_URL: url,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_ENCRYPTION_KEY: 'worktools-e2e-not-a-secret',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_OUTPUT: 'console',
		...(options.credentialsOverwrite ? { CREDENTIALS_OVERWRITE_DATA: JSON.stringify(options.credentialsOverwrite) } : {}),
		...options.env,
	};
}

/**
 * Starts n8n and waits until it can really serve: /healthz/readiness ok AND GET /rest/settings 200
 * (plain /healthz answers before the migrations are done).
 */
export async function startN8n(options: N8nServerOptions): Promise<N8nServer> {
	const url = `http://127.0.0.1:${options.port}`;
	const logFile = join(options.runDir, 'n8n.log');
	const child = ManagedProcess.start({
		name: 'n8n',
		command: options.runtime.node,
		args: [options.runtime.n8nBin, 'start'],
		cwd: options.userFolder,
		env: n8nEnv(options),
		logFile,
		pidFile: join(options.runDir, 'n8n.pid'),
	});
	options.onStarted?.(child);
	const serving = async () => {
		const ready = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(5000) });
		if (ready.status !== 200) return false;
		const settings = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
		return settings.status === 200;
	};
	await waitUntilServing(child, url, serving, options.readyTimeoutMs ?? 180_000, 30);
	return { url, process: child, logFile };
}
