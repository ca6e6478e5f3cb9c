/**
 * n8n's node panel merges an action node and a trigger whose type name is the action's plus "Trigger",
 * and shows the trigger's description for the merged entry: that text must describe the app (what the
 * action node does), then the trigger.
 */
import type { INodeType } from 'n8n-workflow';

import { n8n } from '../../../package.json';

const descriptions = n8n.nodes.map((built) => {
	const folder = built.split('/')[2];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const NodeClass = (require(`../../../nodes/${folder}/${folder}.node`) as Record<string, new () => INodeType>)[folder];
	return new NodeClass().description;
});

const merged = descriptions.flatMap((trigger) => {
	const action = descriptions.find((d) => `${d.name}Trigger` === trigger.name);
	return action ? [[trigger.displayName, trigger.description, action.description] as const] : [];
});

test('some triggers are merged with their action node (the check is not vacuous)', () => {
	expect(merged.length).toBeGreaterThanOrEqual(3);
});

test.each(merged)('%s: the merged entry opens with the action node\'s description', (_name, triggerText, actionText) => {
	expect(triggerText.startsWith(`${actionText}, and start workflows `)).toBe(true);
});

test('each action node description names what its operations do (Worktual creates and updates)', () => {
	const worktual = descriptions.find((d) => d.name === 'worktual');
	expect(worktual?.description).toMatch(/create/i);
	expect(worktual?.description).toMatch(/update/i);
});
