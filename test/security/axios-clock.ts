/**
 * Watches the axios instance n8n's request helpers use (@n8n/backend-network's own copy): records the
 * timeout of every request n8n sends for us, and can compress one timeout value to a short one so a timeout
 * is observed for real (a late nock answer) without waiting a minute. Only a request that carries exactly
 * `from` is compressed, so a request without our timeout would still wait axios's 300 s default and fail the
 * test by jest's own timeout instead.
 */
import { dirname } from 'path';

interface AxiosLike {
	interceptors: { request: { use(fn: (config: { timeout?: number; url?: string }) => unknown): number; eject(id: number): void } };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nAxios = require(require.resolve('axios', { paths: [dirname(require.resolve('@n8n/backend-network'))] })) as { default?: AxiosLike } & AxiosLike;
const axios: AxiosLike = n8nAxios.default ?? n8nAxios;

export interface AxiosClock {
	/** url → timeout (ms) of every request sent while watching. */
	readonly seen: Array<{ url: string; timeout: number | undefined }>;
	stop(): void;
}

export function watchTimeouts(compress?: { from: number; to: number }): AxiosClock {
	const seen: AxiosClock['seen'] = [];
	const id = axios.interceptors.request.use((config) => {
		seen.push({ url: String(config.url), timeout: config.timeout });
		if (compress && config.timeout === compress.from) config.timeout = compress.to;
		return config;
	});
	return { seen, stop: () => axios.interceptors.request.eject(id) };
}
