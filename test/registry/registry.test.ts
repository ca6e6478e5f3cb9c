/**
 * The vendor registry (shared/vendors/index.ts) is the one list of vendors: everything else that covers
 * "every vendor" is derived from it or checked against it here, with a message naming what to add.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { n8n } from '../../package.json';
import { VENDOR_IDS as SANDBOX_VENDOR_IDS } from '../../sandbox/clients';
import { operationCatalogues } from '../../shared/operations';
import { isVendorId, vendorIds, vendorList, vendors } from '../../shared/vendors';
import { VENDORS as E2E_CASES } from '../e2e/vendors';
import { VENDOR_RULES } from '../mocks/vendor-rules';
import { loadPackageCredentials } from '../n8n/harness/credential-types';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkN8nLists, n8nListsFromDist } = require('../../scripts/n8n-lists') as {
	checkN8nLists: (input: object) => string[];
	n8nListsFromDist: (root: string) => { credentials: string[]; nodes: string[] };
};

const root = path.resolve(__dirname, '../..');
const missing = (have: readonly string[]) => vendorIds.filter((id) => !have.includes(id));
const unknown = (have: readonly string[]) => have.filter((id) => !isVendorId(id));

describe('vendor registry', () => {
	test('each definition sits under its own id', () => {
		expect(vendorIds.length).toBeGreaterThan(0);
		for (const id of vendorIds) expect([id, vendors[id].id]).toEqual([id, id]);
		expect(vendorList.map((v) => v.id)).toEqual(vendorIds);
	});

	test('isVendorId accepts exactly the registry ids', () => {
		for (const id of vendorIds) expect(isVendorId(id)).toBe(true);
		for (const other of ['', 'Weekdone', 'toString', '__proto__', 'not-a-vendor', 42, null]) expect(isVendorId(other)).toBe(false);
	});

	test('one operation catalogue per registry vendor (shared/operations/index.ts), naming its vendor', () => {
		expect({ missing: missing(Object.keys(operationCatalogues)), unknown: unknown(Object.keys(operationCatalogues)) }).toEqual({ missing: [], unknown: [] });
		for (const [id, catalogue] of Object.entries(operationCatalogues)) expect([id, catalogue.vendor]).toEqual([id, id]);
	});

	test('the sandbox emulates exactly the registry vendors (sandbox/clients.ts VENDOR_IDS)', () => {
		expect({ missing: missing(SANDBOX_VENDOR_IDS), unknown: unknown(SANDBOX_VENDOR_IDS) }).toEqual({ missing: [], unknown: [] });
	});

	test('the real-n8n suite has a case for every registry vendor (test/e2e/vendors.ts VENDORS)', () => {
		const ids = E2E_CASES.map((c) => c.id);
		expect({ missing: missing(ids), unknown: unknown(ids) }).toEqual({ missing: [], unknown: [] });
	});

	test('credential classes: names and documentationUrl are the definition\'s (literals, because n8n\'s lint reads them from the source)', () => {
		const loaded = loadPackageCredentials();
		for (const vendor of vendorList) {
			for (const name of [`${vendor.n8nPrefix}OAuth2Api`, ...vendor.alternatives.map((a) => a.credentialName)]) {
				expect([name, loaded.get(name)?.type.documentationUrl]).toEqual([name, vendor.authDocUrl]);
			}
		}
	});

	test('node codex files (nodes/<X>/<X>.node.json): credential documentation is the definition\'s authDocUrl, the action node\'s primary documentation the catalogue\'s docsUrl', () => {
		const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
		type Codex = { node: string; resources: { credentialDocumentation: Array<{ url: string }>; primaryDocumentation: Array<{ url: string }> } };
		for (const vendor of vendorList) {
			const prefix = capitalise(vendor.n8nPrefix);
			const folders = n8n.nodes.map((file) => file.split('/')[2]).filter((folder) => folder === prefix || folder.startsWith(`${prefix}Trigger`) || folder.startsWith(`${prefix}Webhook`));
			expect([vendor.id, folders.includes(prefix)]).toEqual([vendor.id, true]);
			for (const folder of folders) {
				const codex = JSON.parse(readFileSync(path.join(root, 'nodes', folder, `${folder}.node.json`), 'utf8')) as Codex;
				expect([folder, codex.resources.credentialDocumentation.map((d) => d.url)]).toEqual([folder, [vendor.authDocUrl]]);
				if (folder === prefix) expect([folder, codex.resources.primaryDocumentation.map((d) => d.url)]).toEqual([folder, [operationCatalogues[vendor.id].docsUrl]]);
			}
		}
	});

	test('each vendor has its document summarised in docs/vendors/<id>.md, with the public URL', () => {
		for (const vendor of vendorList) {
			const file = path.join(root, 'docs', 'vendors', `${vendor.id}.md`);
			expect([vendor.id, existsSync(file) && readFileSync(file, 'utf8').includes(vendor.authDocUrl)]).toEqual([vendor.id, true]);
		}
	});

	test('the strict mocks have rules for every registry vendor (test/mocks/vendor-rules.ts)', () => {
		expect(missing(Object.keys(VENDOR_RULES))).toEqual([]);
	});
});

describe('package.json n8n lists (scripts/n8n-lists.js, run by the pack check)', () => {
	test('in step with the registry and the files on disk', () => {
		expect(checkN8nLists({ root, n8n, vendorList })).toEqual([]);
	});

	test('a registry vendor whose credential or node is not listed is named', () => {
		const extra = { ...vendors.wordapp, id: 'unlisted', n8nPrefix: 'unlisted', alternatives: [{ credentialName: 'unlistedApiKeyApi' }] };
		expect(checkN8nLists({ root, n8n, vendorList: [...vendorList, extra] })).toEqual([
			'vendor "unlisted": credential unlistedOAuth2Api is not listed in package.json n8n.credentials (dist/credentials/UnlistedOAuth2Api.credentials.js)',
			'vendor "unlisted": credential unlistedApiKeyApi is not listed in package.json n8n.credentials (dist/credentials/UnlistedApiKeyApi.credentials.js)',
			'vendor "unlisted": node Unlisted is not listed in package.json n8n.nodes (dist/nodes/Unlisted/Unlisted.node.js)',
		]);
	});

	test('a listed file without source, and a source file not listed, are named', () => {
		const dropped = n8n.nodes[0];
		const problems = checkN8nLists({ root, n8n: { credentials: n8n.credentials, nodes: [...n8n.nodes.slice(1), 'dist/nodes/WeekdoneGhost/WeekdoneGhost.node.js'] }, vendorList });
		expect(problems).toContain('package.json n8n lists dist/nodes/WeekdoneGhost/WeekdoneGhost.node.js, but its source nodes/WeekdoneGhost/WeekdoneGhost.node.ts does not exist');
		expect(problems.some((p) => p.startsWith(`${dropped.replace(/^dist\//, '').replace(/\.js$/, '.ts')} exists but package.json n8n does not list it`))).toBe(true);
	});

	test('the build writes them from the compiled files (scripts/build.js): a new vendor\'s files are listed, other files are not', () => {
		const tree = mkdtempSync(path.join(tmpdir(), 'n8n-lists-'));
		try {
			const files = [
				'dist/credentials/ZetaOAuth2Api.credentials.js',
				'dist/credentials/AcmeOAuth2Api.credentials.js',
				'dist/credentials/AcmeOAuth2Api.credentials.d.ts',
				'dist/credentials/common/index.js',
				'dist/nodes/Acme/Acme.node.js',
				'dist/nodes/Acme/Acme.node.json',
				'dist/nodes/AcmeTrigger/AcmeTrigger.node.js',
				'dist/nodes/common/execute.js',
			];
			for (const file of files) {
				mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
				writeFileSync(path.join(tree, file), '');
			}
			expect(n8nListsFromDist(tree)).toEqual({
				credentials: ['dist/credentials/AcmeOAuth2Api.credentials.js', 'dist/credentials/ZetaOAuth2Api.credentials.js'],
				nodes: ['dist/nodes/Acme/Acme.node.js', 'dist/nodes/AcmeTrigger/AcmeTrigger.node.js'],
			});
		} finally {
			rmSync(tree, { recursive: true, force: true });
		}
	});
});
