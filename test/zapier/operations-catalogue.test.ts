/**
 * Generic checks of the catalogue → Zapier mapping, for every vendor and for a made-up sixth catalogue:
 * every catalogue operation becomes exactly one Zapier operation (one trigger per polling event on a list)
 * or is excluded with a reason; nothing in the app comes from nowhere; keys, labels, samples, dynamic
 * dropdown references and dependencies are sound; the result passes Zapier's schema validation.
 */
import * as zapier from 'zapier-platform-core';

import { operationCatalogues } from '../../shared/operations';
import type { OperationDefinition, VendorOperations } from '../../shared/operations/types';
import type { VendorId } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { buildApp, type VendorApp } from '../../zapier/app';
import { catalogueOperations, type ZapierOperations } from '../../zapier/operations';
import { KEY_PATTERN } from '../../zapier/operations/labels';
import { planLookups } from '../../zapier/operations/lookups';
import { EXCLUSION_REASONS, HOOK_TRIGGER_KEY, planCatalogue, planWebhook, type ZapierPlan } from '../../zapier/operations/plan';
import { VENDOR_IDS } from './harness';

type Handler = (event: { command: string }) => Promise<{ results: unknown[] }>;
const { createAppHandler } = zapier as unknown as { createAppHandler: (app: object) => Handler };

/** The two operations every app has besides the catalogue's. */
const GENERIC = { triggers: ['connection_check'], creates: ['api_request'] };

type AnyOperation = { key: string; noun: string; display: { label?: string; description?: string; hidden?: boolean }; operation: { inputFields?: unknown[]; sample?: Record<string, unknown> } };
type InputField = { key: string; dynamic?: string; dependsOn?: string[]; required?: boolean; default?: string; choices?: unknown };

function all(ops: ZapierOperations | VendorApp): Array<[string, AnyOperation]> {
	const groups = { triggers: ops.triggers ?? {}, creates: ops.creates ?? {}, searches: ops.searches ?? {} } as Record<string, Record<string, unknown>>;
	return Object.entries(groups).flatMap(([group, members]) => Object.values(members).map((op) => [group, op as AnyOperation] as [string, AnyOperation]));
}

/** Checks of one catalogue's mapping; shared by the real vendors and the made-up one. */
function checkMapping(catalogue: VendorOperations, plan: ZapierPlan, ops: ZapierOperations): void {
	const where = catalogue.vendor;
	// 1. every catalogue operation: exactly one Zapier operation (a trigger per polling event), or one exclusion
	for (const resource of catalogue.resources) {
		for (const operation of resource.operations) {
			const ref = `${where}: ${resource.value}/${operation.value}`;
			const mapped = plan.operations.filter((p) => p.resource === resource && p.operation === operation);
			const excluded = plan.excluded.filter((e) => e.resource === resource.value && e.operation === operation.value);
			const events = (catalogue.polling ?? []).filter((e) => e.resource === resource.value && e.operation === operation.value);
			const expected = events.length > 0 ? events.length : 1;
			expect([ref, mapped.length + excluded.length]).toEqual([ref, mapped.length > 0 ? expected : 1]);
			if (excluded.length > 0) expect([ref, excluded[0].reason.length > 20]).toEqual([ref, true]);
			for (const planned of mapped) {
				const group = planned.type === 'create' ? ops.creates : planned.type === 'search' ? ops.searches : ops.triggers;
				expect([ref, planned.key in group]).toEqual([ref, true]);
			}
		}
	}
	// 2. nothing generated that the plan, the dropdowns or the webhook do not account for
	const groupOf = { create: 'creates', search: 'searches', trigger: 'triggers' } as const;
	const planned = new Set(plan.operations.map((p) => `${groupOf[p.type]}:${p.key}`));
	const hook = planWebhook(catalogue);
	for (const [group, op] of all(ops)) {
		const known =
			planned.has(`${group}:${op.key}`) ||
			(group === 'triggers' && op.key.startsWith('dropdown_') && op.key.slice('dropdown_'.length) in catalogue.dropdowns) ||
			(group === 'triggers' && hook !== undefined && 'key' in hook && op.key === hook.key) ||
			(group === 'searches' && planLookups(catalogue).some((lookup) => lookup.key === op.key));
		expect([where, group, op.key, known]).toEqual([where, group, op.key, true]);
	}
	// 3. every lookup is a search, and a "Find or Create" where it names a create
	for (const lookup of planLookups(catalogue)) {
		expect([where, lookup.key, lookup.key in ops.searches]).toEqual([where, lookup.key, true]);
		if (lookup.spec.create) expect([where, ops.searchOrCreates?.[lookup.key]?.search]).toEqual([where, lookup.key]);
	}
	// 4. one hidden trigger per dropdown source
	for (const name of Object.keys(catalogue.dropdowns)) expect([where, name, ops.triggers[`dropdown_${name}`]?.display.hidden]).toEqual([where, name, true]);
}

/** Checks of the built operations themselves: keys, wording, samples, inputs. */
function checkOperations(where: string, ops: ZapierOperations | VendorApp): void {
	const triggerKeys = new Set(Object.keys(ops.triggers ?? {}));
	for (const [group, op] of all(ops)) {
		const ref = `${where} ${group}.${op.key}`;
		expect([ref, KEY_PATTERN.test(op.key)]).toEqual([ref, true]);
		expect([ref, op.noun.length >= 2]).toEqual([ref, true]);
		if (!op.display.hidden) {
			expect([ref, (op.display.label ?? '').length >= 2 && (op.display.label ?? '').length <= 64]).toEqual([ref, true]);
			expect([ref, (op.display.description ?? '').length > 10]).toEqual([ref, true]);
			expect([ref, op.operation.sample !== undefined && Object.keys(op.operation.sample).length > 0]).toEqual([ref, true]);
			if (group === 'triggers') {
				expect([ref, op.display.description]).toEqual([ref, expect.stringMatching(/^Triggers (when|instantly when) /)]);
				expect([ref, op.operation.sample?.id !== undefined]).toEqual([ref, true]);
			}
		}
		const inputs = (op.operation.inputFields ?? []) as InputField[];
		const keys = inputs.map((f) => f.key);
		expect([ref, new Set(keys).size]).toEqual([ref, keys.length]);
		for (const input of inputs) {
			// a dynamic field names a hidden trigger of this app, read as id + name
			if (input.dynamic) {
				const [trigger, value, label] = input.dynamic.split('.');
				expect([ref, input.key, triggerKeys.has(trigger), value, label]).toEqual([ref, input.key, true, 'id', 'name']);
				expect([ref, input.key, input.choices]).toEqual([ref, input.key, undefined]);
			}
			for (const parent of input.dependsOn ?? []) expect([ref, input.key, keys.includes(parent)]).toEqual([ref, input.key, true]);
			// optional inputs carry no default: Zapier would send it on every run (API Request's body format is its own)
			if (!input.required && op.key !== 'api_request') expect([ref, input.key, input.default]).toEqual([ref, input.key, undefined]);
		}
	}
}

describe.each(VENDOR_IDS)('%s catalogue → Zapier', (id: VendorId) => {
	const catalogue = operationCatalogues[id];
	const plan = planCatalogue(catalogue);
	const app = buildApp(vendors[id], { version: '1.0.0' });

	test('every catalogue operation maps to exactly one Zapier operation or is excluded with a reason, and nothing else is generated', () => {
		const generated = catalogueOperations(vendors[id], catalogue);
		checkMapping(catalogue, plan, generated);
		// the app is the generated operations plus the two generic ones
		expect(Object.keys(app.triggers ?? {}).sort()).toEqual([...GENERIC.triggers, ...Object.keys(generated.triggers)].sort());
		expect(Object.keys(app.creates ?? {}).sort()).toEqual([...GENERIC.creates, ...Object.keys(generated.creates)].sort());
		expect(Object.keys(app.searches ?? {}).sort()).toEqual(Object.keys(generated.searches).sort());
	});

	test('keys, wording, samples and dynamic dropdowns are sound', () => {
		checkOperations(id, app);
	});

	test('each create and search offers the operation\'s visible inputs, required ones as required', () => {
		for (const planned of plan.operations.filter((p) => p.type !== 'trigger')) {
			const op = (planned.type === 'create' ? app.creates : app.searches)?.[planned.key] as unknown as AnyOperation;
			const inputs = (op.operation.inputFields ?? []) as InputField[];
			const visible = planned.operation.fields.filter((f) => !f.hidden);
			expect([planned.key, inputs.length]).toEqual([planned.key, visible.length]);
			expect([planned.key, inputs.filter((i) => i.required).length]).toEqual([planned.key, visible.filter((f) => f.required).length]);
		}
	});
});

describe('what is excluded, and why', () => {
	test('the exclusions of the current catalogues', () => {
		const excluded = Object.fromEntries(VENDOR_IDS.map((id) => [id, planCatalogue(operationCatalogues[id]).excluded.map((e) => `${e.resource}/${e.operation}: ${e.reason}`)]));
		expect(excluded).toEqual({
			weekdone: [`item/delete: ${EXCLUSION_REASONS.delete}`, `objective/delete: ${EXCLUSION_REASONS.delete}`, `company/get: ${EXCLUSION_REASONS.noSearchInput}`],
			worksection: [`user/getMe: ${EXCLUSION_REASONS.noSearchInput}`],
			worktual: [],
			'webwork-tracker': [`project/archive: ${EXCLUSION_REASONS.delete}`, `task/delete: ${EXCLUSION_REASONS.delete}`, `timeEntry/getAll: ${EXCLUSION_REASONS.fixedDay}`],
			wordapp: [`token/getInfo: ${EXCLUSION_REASONS.noSearchInput}`, `token/revoke: ${EXCLUSION_REASONS.revokeToken}`],
		});
	});

	test('webhooks: WebWork gets a REST hook trigger; Worksection\'s delivery contract keeps it off', () => {
		expect(planWebhook(operationCatalogues['webwork-tracker'])).toEqual({ key: HOOK_TRIGGER_KEY });
		expect(planWebhook(operationCatalogues.worksection)).toEqual({ excluded: expect.stringContaining('answers with Zapier') });
		expect(planWebhook(operationCatalogues.weekdone)).toBeUndefined();
	});
});

describe('a sixth vendor is mapped by the same rules', () => {
	const field = (key: string, extra: Partial<OperationDefinition['fields'][number]> = {}) => ({ key, displayName: key, type: 'string' as const, in: 'body' as const, default: '', description: `The ${key}.`, ...extra });
	const op = (value: string, kind: OperationDefinition['kind'], extra: Partial<OperationDefinition> = {}): OperationDefinition => ({
		value,
		name: value,
		action: `${kind === 'list' ? 'Get many' : kind} a widget`,
		description: `Does ${value} on a widget.`,
		kind,
		request: { method: kind === 'list' || kind === 'get' ? 'GET' : 'POST', path: '/widgets' },
		fields: [],
		result: { shape: kind === 'list' ? 'list' : 'record', path: 'data' },
		source: 'doc',
		...extra,
	});
	const sixth: VendorOperations = {
		vendor: 'weekdone', // the vendor id only picks the connection; the catalogue is what is mapped
		bodyFormat: 'json',
		docsUrl: 'https://example.test/docs',
		dropdowns: { gadgets: { request: { method: 'GET', path: '/gadgets' }, label: ['title'], value: ['id'], source: 'doc' } },
		resources: [
			{
				value: 'widget',
				name: 'Widget',
				operations: [
					op('getAll', 'list', { fields: [field('gadget_id', { in: 'query', type: 'options', dropdown: 'gadgets' })] }),
					op('get', 'get', { request: { method: 'GET', path: '/widgets/{widgetId}' }, fields: [field('widgetId', { in: 'path', required: true })] }),
					op('create', 'create', { fields: [field('title', { required: true }), field('gadget_id', { type: 'options', dropdown: 'gadgets' })] }),
					op('polish', 'action'),
					op('delete', 'delete'),
					op('getHistory', 'list', { name: 'Get Entries', fields: [field('day', { in: 'query', type: 'date', required: true })] }),
				],
			},
			{ value: 'gadget', name: 'Gadget', operations: [op('getAll', 'list', { action: 'Get many gadgets' })] },
		],
		polling: [{ value: 'newShinyGadget', name: 'New Shiny Gadget', description: 'Fires for each shiny gadget.', resource: 'gadget', operation: 'getAll', identity: ['id'] }],
	};

	test('its operations are all accounted for, sound, and valid for Zapier', async () => {
		const plan = planCatalogue(sixth);
		const generated = catalogueOperations(vendors.weekdone, sixth);
		checkMapping(sixth, plan, generated);
		checkOperations('sixth', generated);
		expect(Object.keys(generated.triggers).sort()).toEqual(['dropdown_gadgets', 'newShinyGadget', 'newWidget']);
		expect(Object.keys(generated.creates).sort()).toEqual(['widget_create', 'widget_polish']);
		expect(Object.keys(generated.searches)).toEqual(['widget_get']);
		expect(plan.excluded.map((e) => e.operation)).toEqual(['delete', 'getHistory']);
		const app = { ...buildApp(vendors.weekdone, { version: '1.0.0' }), ...generated };
		expect((await createAppHandler(app)({ command: 'validate' })).results).toEqual([]);
	});

	test('two operations that would share a key are refused, not silently merged', () => {
		const clash: VendorOperations = { ...sixth, polling: [], resources: [sixth.resources[0], { ...sixth.resources[0] }] };
		expect(() => planCatalogue(clash)).toThrow(/two catalogue operations map to the Zapier (trigger|create|search) "\w+"/);
	});
});
