/**
 * n8n's UX guidelines over every parameter of every node as n8n receives it (docs.n8n.io
 * "ux-guidelines" and "node-ui-design"): actions without articles, "e.g." placeholders, "Whether …"
 * booleans, alphabetical options, "Trigger On" for webhook events, no internal notes in user-facing text.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { n8n } from '../../../package.json';

const nodes = n8n.nodes.map((built) => {
	const folder = built.split('/')[2];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const NodeClass = (require(`../../../nodes/${folder}/${folder}.node`) as Record<string, new () => INodeType>)[folder];
	return new NodeClass().description;
});

type Option = INodeProperties | INodePropertyOptions | INodePropertyCollection;
const isProperty = (o: Option): o is INodeProperties => 'type' in o && 'displayName' in o;
function allProperties(props: Option[]): INodeProperties[] {
	return props.flatMap((p) => {
		const nested = ('options' in p && Array.isArray(p.options) ? p.options : []) as Option[];
		const values = ('values' in p && Array.isArray(p.values) ? p.values : []) as Option[];
		return [...(isProperty(p) ? [p] : []), ...allProperties(nested), ...allProperties(values)];
	});
}
const byNode = nodes.map((d) => [d.displayName, d, allProperties(d.properties)] as const);

/** Every string a user reads in the editor. */
function userTexts(props: INodeProperties[]): string[] {
	return props.flatMap((p) => [
		p.displayName,
		p.description ?? '',
		p.hint ?? '',
		p.placeholder ?? '',
		...((p.options ?? []) as Option[]).filter((o): o is INodePropertyOptions => 'value' in o).flatMap((o) => [o.name, o.description ?? '', o.action ?? '']),
	]);
}

const INTERNAL = /\[(?:3P|GUESS|VENDOR-CODE|DOC)\]|vendors\.md|research\/|docstring|§|\bunconfirmed\b|\bguess(?:ed)?\b|doorkeeper|\((?:doc|3p|code)\)/i;

test.each(byNode)('%s: no internal notes or research references', (_n, description, props) => {
	expect([description.description, ...userTexts(props)].filter((t) => INTERNAL.test(t))).toEqual([]);
});

test.each(byNode)('%s: actions carry no article', (_n, _d, props) => {
	const actions = props.flatMap((p) => ((p.options ?? []) as Option[]).flatMap((o) => ('action' in o && o.action ? [o.action] : [])));
	expect(actions.filter((a) => / (?:a|an|the) /i.test(a))).toEqual([]);
});

test.each(byNode)('%s: placeholders give an example with "e.g."', (_n, _d, props) => {
	const examples = props.filter((p) => p.placeholder && !['collection', 'fixedCollection'].includes(p.type));
	expect(examples.map((p) => p.placeholder).filter((t) => t !== 'name@email.com' && !t!.startsWith('e.g. '))).toEqual([]);
});

test.each(byNode)('%s: boolean descriptions start with "Whether"', (_n, _d, props) => {
	expect(props.filter((p) => p.type === 'boolean' && p.description && !p.description.startsWith('Whether')).map((p) => p.name)).toEqual([]);
});

test.each(byNode)('%s: option lists are alphabetical (Resource: then Custom API Call)', (_n, _d, props) => {
	const unsorted = props
		.filter((p) => (p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options) && !p.typeOptions?.loadOptionsMethod)
		.filter((p) => {
			const names = (p.options as INodePropertyOptions[]).map((o) => o.name);
			const list = p.name === 'resource' && names[names.length - 1] === 'Custom API Call' ? names.slice(0, -1) : names;
			// HTTP methods and numbers keep their natural order (n8n's lint exempts numeric lists too).
			if (p.name === 'method' || list.every((n) => /^\d/.test(n))) return false;
			return list.some((n, i) => i > 0 && list[i - 1].localeCompare(n) > 0);
		})
		.map((p) => p.name);
	expect(unsorted).toEqual([]);
});

test('webhook triggers name their event field "Trigger On"', () => {
	const webhookNodes = nodes.filter((d) => (d.webhooks ?? []).length > 0);
	expect(webhookNodes.length).toBeGreaterThan(0);
	for (const d of webhookNodes) expect(d.properties.find((p) => p.name === 'events')?.displayName).toBe('Trigger On');
});

/** Title Case as n8n's lint checks it (n8n-nodes-base uses the title-case package): small words stay lower. */
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'per', 'the', 'to', 'with', 'via', 'e.g.']);
const titleCased = (label: string) =>
	label.split(' ').every((w, i) => !/^[a-z]/.test(w) || (i > 0 && SMALL.has(w)));

test.each(byNode)('%s: labels are in Title Case', (_n, _d, props) => {
	const labels = props.filter((p) => p.type !== 'notice').map((p) => p.displayName);
	expect(labels.filter((l) => !titleCased(l))).toEqual([]);
});
