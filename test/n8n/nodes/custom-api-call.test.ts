/**
 * One Custom API Call per Resource list, ours, last: n8n appends its own (which runs through the HTTP
 * Request node without our transport's vendor rules) to any resource/operation list whose last option is
 * not named "Custom API Call", for nodes with an OAuth2 or `authenticate` credential. The check runs
 * n8n 2.41's own injection code (LoadNodesAndCredentials in test/e2e/runtime, installed by
 * scripts/n8n-runtime.sh) over our node and credential descriptions in a child process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ICredentialType, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { n8n } from '../../../package.json';
import { CUSTOM_API_CALL } from '../../../nodes/common/description';

const REPO = path.resolve(__dirname, '..', '..', '..');
const N8N_LOADER = path.join(REPO, 'test/e2e/runtime/node_modules/n8n/dist/load-nodes-and-credentials.js');

const load = <T>(file: string, suffix: string): T => {
	const base = path.basename(file, '.js');
	const source = file.replace(/^dist\//, '').replace(/\.js$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Class = (require(path.join(REPO, source)) as Record<string, new () => T>)[base.replace(suffix, '')];
	return new Class();
};

const nodes = n8n.nodes.map((f) => load<INodeType>(f, '.node').description);
const credentials = n8n.credentials.map((f) => load<ICredentialType>(f, '.credentials'));

/** n8n's injectCustomApiCallOptions applied to our descriptions, as n8n does when it loads the package. */
const INJECT = `
const { LoadNodesAndCredentials: L } = require(process.argv[1]);
const types = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const ctx = { types, logger: { warn() {} }, supportsProxyAuth: L.prototype.supportsProxyAuth, extendsProxyAuthBaseType: L.prototype.extendsProxyAuthBaseType };
L.prototype.injectCustomApiCallOptions.call(ctx);
process.stdout.write(JSON.stringify(types.nodes));
`;

const runtimeInstalled = fs.existsSync(N8N_LOADER);

(runtimeInstalled ? describe : describe.skip)('Custom API Call in a real n8n 2.41 load', () => {
	const inject = (descriptions: INodeTypeDescription[]) =>
		(JSON.parse(
			execFileSync(process.execPath, ['-e', INJECT, N8N_LOADER], { input: JSON.stringify({ nodes: descriptions, credentials }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
		) as INodeTypeDescription[]).filter((d) => d.properties.some((p) => p.name === 'resource'));
	const injected = (d: INodeTypeDescription) => d.properties.some((p) => p.options?.some((o) => 'value' in o && o.value === '__CUSTOM_API_CALL__'));
	const actions = inject(nodes);

	test('n8n would inject into our nodes as one-version nodes (the check is not vacuous)', () => {
		// n8n injects only into a node whose version is its defaultVersion; our action nodes declare versions
		// [1, 2] (defaultVersion 2), so n8n leaves them alone. The same descriptions as plain version-1 nodes
		// get n8n's Custom API Call added to some operation lists.
		expect(actions.length).toBeGreaterThan(0);
		expect(inject(nodes.map((d) => ({ ...d, version: 1, defaultVersion: undefined }))).some(injected)).toBe(true);
		expect(actions.filter(injected).map((d) => d.name)).toEqual([]);
	});

	test.each(actions.map((d) => [d.displayName, d] as const))('%s: the Resource list has one Custom API Call, ours, last', (_name, description) => {
		const resource = description.properties.find((p) => p.name === 'resource') as INodeProperties;
		const options = resource.options as Array<{ name: string; value: string }>;
		expect(options.filter((o) => o.name === 'Custom API Call')).toEqual([{ name: 'Custom API Call', value: CUSTOM_API_CALL }]);
		expect(options[options.length - 1].value).toBe(CUSTOM_API_CALL);
		const rest = options.slice(0, -1).map((o) => o.name);
		expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
	});
});
