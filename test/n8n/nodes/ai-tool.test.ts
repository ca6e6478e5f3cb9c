/**
 * Our nodes as AI-agent tools (n8n wraps a `usableAsTool` node as `<name>Tool`; displayOptions `@tool`
 * tell the two apart): destructive operations (delete, revoke, non-GET Custom API Call) are not offered
 * to the tool, and a tool run refuses them whatever its parameters say, before any request.
 */
import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { n8n } from '../../../package.json';
import { Weekdone } from '../../../nodes/Weekdone/Weekdone.node';
import { Wordapp } from '../../../nodes/Wordapp/Wordapp.node';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { NodeRunner } from './node-runner';

const actions = n8n.nodes
	.map((built) => {
		const folder = built.split('/')[2];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeClass = (require(`../../../nodes/${folder}/${folder}.node`) as Record<string, new () => INodeType>)[folder];
		return new NodeClass().description;
	})
	.filter((d) => d.usableAsTool);

const DESTRUCTIVE = ['delete', 'revoke'];

/** Operation values n8n shows for a resource, in the node (tool: false) or in its tool wrapper. */
function offered(description: INodeTypeDescription, resource: string, tool: boolean): string[] {
	const asShown = tool ? { ...description, name: `${description.name}Tool` } : description;
	return description.properties
		.filter((p) => p.name === 'operation' && NodeHelpers.displayParameter({ resource }, p, { typeVersion: 1 }, asShown))
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => String(o.value)));
}

function resources(description: INodeTypeDescription): string[] {
	const resource = description.properties.find((p) => p.name === 'resource') as INodeProperties;
	return (resource.options as INodePropertyOptions[]).map((o) => String(o.value)).filter((v) => v !== 'customApiCall');
}

test('the editor offers destructive operations (the check is not vacuous)', () => {
	const all = actions.flatMap((d) => resources(d).flatMap((r) => offered(d, r, false)));
	expect(all.filter((o) => DESTRUCTIVE.includes(o)).length).toBeGreaterThanOrEqual(4);
});

test.each(actions.map((d) => [d.displayName, d] as const))('%s as a tool: one operation list per resource, none destructive', (_n, description) => {
	for (const resource of resources(description)) {
		const asTool = offered(description, resource, true);
		const inEditor = offered(description, resource, false);
		expect(asTool.filter((o) => DESTRUCTIVE.includes(o))).toEqual([]);
		expect(asTool).toEqual(inEditor.filter((o) => !DESTRUCTIVE.includes(o)));
	}
	const toolMethods = description.properties.filter((p) => p.name === 'method' && NodeHelpers.displayParameter({ resource: 'customApiCall', operation: 'request' }, p, { typeVersion: 1 }, { ...description, name: `${description.name}Tool` }));
	expect(toolMethods.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.value))).toEqual(['GET']);
});

test.each(actions.map((d) => [d.displayName, d] as const))('%s as a tool: each action says what the operation needs', (_n, description) => {
	const toolSelectors = description.properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.['@tool']?.[0] === true);
	expect(toolSelectors.length).toBeGreaterThan(0);
	for (const p of toolSelectors) for (const o of p.options as INodePropertyOptions[]) expect(o.action).toMatch(/^[A-Z]/);
	const withNeeds = toolSelectors.flatMap((p) => (p.options as INodePropertyOptions[]).filter((o) => / given /.test(o.action ?? '')));
	if (description.name !== 'wordapp') expect(withNeeds.length).toBeGreaterThan(0);
});

/** A node instance whose type is n8n's tool wrapper of it. */
function asTool<T extends INodeType>(node: T): T {
	node.description = { ...node.description, name: `${node.description.name}Tool` };
	return node;
}

describe('a tool run refuses destructive work before any request', () => {
	test('Weekdone item delete', async () => {
		strictVendorMock('weekdone'); // any request fails the test
		const runner = new NodeRunner(asTool(new Weekdone())).useOAuth2('weekdoneOAuth2Api', { access_token: 'wd-access', refresh_token: 'wd-refresh' });
		await expect(runner.execute({ resource: 'item', operation: 'delete', itemId: '11' })).rejects.toThrow('not available to an AI agent');
	});

	test('Weekdone Custom API Call with POST; GET still runs', async () => {
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/items', token: 'wd-access', reply: { status: 'ok', items: [] } });
		const runner = () => new NodeRunner(asTool(new Weekdone())).useOAuth2('weekdoneOAuth2Api', { access_token: 'wd-access', refresh_token: 'wd-refresh' });
		await expect(runner().execute({ resource: 'customApiCall', operation: 'request', method: 'POST', path: '/items', body: '{}' })).rejects.toThrow('not available to an AI agent');
		await runner().execute({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/items' });
		mock.done();
	});

	test('Wordapp token revoke', async () => {
		strictVendorMock('wordapp');
		const runner = new NodeRunner(asTool(new Wordapp())).useOAuth2('wordappOAuth2Api', { access_token: 'wa-access', refresh_token: 'wa-refresh' });
		await expect(runner.execute({ resource: 'token', operation: 'revoke' })).rejects.toThrow('not available to an AI agent');
	});
});

test.each(actions.map((d) => [d.displayName, d] as const))('%s: every input a model may fill has a description', (_n, description) => {
	const fillable = (p: INodeProperties): boolean => !['options', 'multiOptions', 'notice', 'hidden', 'collection', 'fixedCollection'].includes(p.type) && !['returnAll', 'limit'].includes(p.name);
	const walk = (props: INodeProperties[]): INodeProperties[] =>
		props.flatMap((p) => [p, ...walk(((p.options ?? []) as INodeProperties[]).filter((o) => 'type' in o && 'displayName' in o))]);
	const missing = walk(description.properties).filter((p) => fillable(p) && !p.description).map((p) => p.name);
	expect([...new Set(missing)]).toEqual([]);
});

test.each(actions.map((d) => [d.displayName, d] as const))("%s as a tool: n8n's automatic tool description is the tool action", (_n, description) => {
	// n8n 2.41 builds it from the first operation parameter shown for the resource, whatever its @tool condition.
	const toolSelectors = description.properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.['@tool']?.[0] === true);
	for (const selector of toolSelectors) {
		const resource = String(selector.displayOptions?.show?.resource?.[0]);
		for (const option of selector.options as INodePropertyOptions[]) {
			const toolNode = { ...description, name: `${description.name}Tool` };
			expect(NodeHelpers.getToolDescriptionForNode({ parameters: { resource, operation: option.value } } as never, { description: toolNode } as never)).toBe(`${option.action} in ${description.defaults.name}`);
		}
	}
});
