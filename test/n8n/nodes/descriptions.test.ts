import type { INodeProperties, INodeType } from 'n8n-workflow';

import { n8n } from '../../../package.json';
import { vendorList } from '../../../shared/vendors';
import { fieldName, operationCatalogues } from '../../../shared/operations';
import { type LintProblem, lintGenerated } from './lint-generated.cjs';
import webworkTrackerCodex from '../../../nodes/WebworkTracker/WebworkTracker.node.json';
import weekdoneCodex from '../../../nodes/Weekdone/Weekdone.node.json';

/** What the node files call to build their descriptions. */
// each node imports its definition from shared/vendors/<id>.ts, exported under the id in camelCase
const definitionExports = vendorList.map((v) => v.id.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase()));
const GENERATOR_IMPORTS = ['authenticationProperty', 'catalogueProperties', 'vendorCredentials', 'pollingTriggerProperties', 'webhookTriggerProperties', 'deliveryTriggerProperties', 'deliveryWebhooks', ...definitionExports];

/** Every node package.json hands n8n (checked against the registry and the disk by scripts/check-pack.js), from its source. */
const NODES: Array<{ folder: string; node: INodeType; trigger: boolean }> = n8n.nodes.map((built) => {
	const folder = built.split('/')[2];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const NodeClass = (require(`../../../nodes/${folder}/${folder}.node`) as Record<string, new () => INodeType>)[folder];
	const node = new NodeClass();
	return { folder, node, trigger: node.description.group.includes('trigger') };
});

/**
 * A value as TypeScript source, as a hand-written description has it: bare keys, and the connection
 * constant for inputs/outputs.
 */
function literal(value: unknown, indent = '', key = ''): string {
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		if ((key === 'inputs' || key === 'outputs') && value.every((v) => v === 'main')) return `[${value.map(() => 'NodeConnectionTypes.Main').join(', ')}]`;
		return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		const name = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
		return `{\n${entries.map(([k, v]) => `${inner}${name(k)}: ${literal(v, inner, k)},`).join('\n')}\n${indent}}`;
	}
	return JSON.stringify(value);
}

function allProperties(props: INodeProperties[]): INodeProperties[] {
	return props.flatMap((p) => [p, ...allProperties((p.options ?? []).filter((o): o is INodeProperties => 'type' in o))]);
}

/** Every Resource list: alphabetical, then Custom API Call. */
const resourceListsEndWithCustomApiCall = NODES.every(({ node }) => {
	const resource = node.description.properties.find((p) => p.name === 'resource');
	if (!resource) return true;
	const names = (resource.options as Array<{ name: string }>).map((o) => o.name);
	const rest = names.slice(0, -1);
	return names[names.length - 1] === 'Custom API Call' && rest.every((n, i) => i === 0 || rest[i - 1].localeCompare(n) <= 0);
});

describe('generated node descriptions', () => {
	test('pass the community-node lint (the package ESLint config) as literal descriptions', () => {
		const problems = lintGenerated(NODES.map(({ folder, node }) => ({ file: `nodes/${folder}/${folder}.node.ts`, description: literal(node.description, '\t') })));
		// Replacing the generated description by its literal leaves the generator imports unused: an artifact
		// of the substitution (the real files, with those calls, pass the lint command themselves).
		const artifact = (p: LintProblem) => p.rule === '@typescript-eslint/no-unused-vars' && GENERATOR_IMPORTS.some((name) => p.message.startsWith(`'${name}'`));
		// The Resource list ends with our Custom API Call, where n8n itself puts its own (a list ending with one
		// gets no second: custom-api-call.test.ts); everything before it is alphabetical (checked there too).
		const customApiCallLast = (p: LintProblem) => p.rule === 'n8n-nodes-base/node-param-options-type-unsorted-items' && /Order: .*\bCustom API Call\b/.test(p.message) && resourceListsEndWithCustomApiCall;
		expect(problems.filter((p) => !artifact(p) && !customApiCallLast(p)).map((p) => `${p.file}:${p.line} ${p.rule}: ${p.message}`)).toEqual([]);
	}, 120_000);

	test('node type names the workflows and the e2e suite use (published: kept)', () => {
		expect(NODES.map((n) => n.node.description.name)).toEqual(expect.arrayContaining([
			'weekdone',
			'worksection',
			'worktual',
			'webworkTracker',
			'wordapp',
			'weekdoneTrigger',
			'worksectionTrigger',
			'worksectionWebhookTrigger',
			'webworkTrackerTrigger',
		]));
	});

	test.each(NODES.map((n) => [n.folder, n] as const))('%s: authentication selector, one credential per option, tool usage', (_f, { node, trigger }) => {
		const description = node.description;
		const auth = description.properties.find((p) => p.name === 'authentication');
		// A vendor with one credential type has no selector to show: a hidden parameter holding that type.
		const values = auth?.type === 'hidden' ? [auth.default as string] : (auth?.options ?? []).map((o) => (o as { value: string }).value);
		expect(values.length).toBeGreaterThan(0);
		expect(auth?.type).toBe(values.length === 1 ? 'hidden' : 'options');
		expect(description.credentials?.map((c) => c.name).sort()).toEqual([...values].sort());
		for (const credential of description.credentials ?? []) expect(credential.displayOptions).toEqual({ show: { authentication: [credential.name] } });
		expect(description.usableAsTool).toBe(trigger ? undefined : true);
	});

	test.each(NODES.filter((n) => !n.trigger).map((n) => [n.folder, n] as const))('%s: Custom API Call with the fixed parameter names', (_f, { node }) => {
		const props = node.description.properties;
		expect(props.find((p) => p.name === 'resource')?.options).toContainEqual({ name: 'Custom API Call', value: 'customApiCall' });
		const custom = props.filter((p) => JSON.stringify(p.displayOptions?.show?.resource) === '["customApiCall"]');
		expect(custom.map((p) => [p.name, p.type])).toEqual([
			['operation', 'options'],
			['method', 'options'],
			['method', 'options'],
			['path', 'string'],
			['queryParameters', 'fixedCollection'],
			['body', 'json'],
		]);
		expect(custom[0].options).toEqual([expect.objectContaining({ value: 'request' })]);
		// As an AI tool (n8n's @tool display condition), reads only.
		expect(custom[2]).toMatchObject({ displayOptions: { show: { '@tool': [true] } }, options: [{ value: 'GET' }] });
		expect(custom[1].displayOptions?.show?.['@tool']).toEqual([false]);
		expect((custom[4].options as Array<{ name: string; values: Array<{ name: string }> }>)[0]).toMatchObject({ name: 'parameters', values: [{ name: 'name' }, { name: 'value' }] });
	});

	test.each(NODES.map((n) => [n.folder, n] as const))('%s: every dropdown has its loadOptions method', (_f, { node }) => {
		const methods = Object.keys(node.methods?.loadOptions ?? {});
		for (const prop of allProperties(node.description.properties)) {
			const method = prop.typeOptions?.loadOptionsMethod;
			if (method) expect(methods).toContain(method);
		}
	});

	test('codex files name the package node', () => {
		expect(weekdoneCodex.node).toBe('n8n-nodes-worktools.weekdone');
		expect(webworkTrackerCodex.node).toBe('n8n-nodes-worktools.webworkTracker');
	});
});

describe('operation catalogues', () => {
	const catalogues = Object.values(operationCatalogues);

	test.each(catalogues.map((c) => [c.vendor, c] as const))('%s: placeholders, dropdowns and inputs are consistent', (_v, catalogue) => {
		for (const resource of catalogue.resources) {
			for (const operation of resource.operations) {
				const where = `${resource.value}/${operation.value}`;
				const placeholders = [...operation.request.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
				const pathFields = operation.fields.filter((f) => f.in === 'path').map((f) => f.key).sort();
				expect([where, placeholders]).toEqual([where, pathFields]);
				for (const field of operation.fields) {
					if (field.dropdown) {
						const source = catalogue.dropdowns[field.dropdown];
						expect([where, field.key, source !== undefined]).toEqual([where, field.key, true]);
						// a dependent dropdown reads inputs the same operation has
						for (const input of Object.values(source.dependsOn ?? {})) expect([where, operation.fields.map(fieldName)]).toEqual([where, expect.arrayContaining([input])]);
					}
					if (field.type === 'options') expect([where, field.key, Boolean(field.dropdown || field.options?.length)]).toEqual([where, field.key, true]);
				}
				const names = operation.fields.map(fieldName);
				expect([where, new Set(names).size]).toEqual([where, names.length]);
				if (operation.paginated) expect([where, catalogue.pagination !== undefined]).toEqual([where, true]);
				if (operation.source === 'guess') expect([where, Boolean(operation.note)]).toEqual([where, true]);
			}
		}
		for (const event of catalogue.polling ?? []) {
			const op = catalogue.resources.find((r) => r.value === event.resource)?.operations.find((o) => o.value === event.operation);
			expect([event.value, op?.kind]).toEqual([event.value, 'list']);
		}
	});
});
