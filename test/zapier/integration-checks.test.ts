/**
 * Every Zapier app passes the offline integration checks (test/zapier/integration-checks.ts), and each check
 * fails on a definition that breaks it, so a green run means something.
 */
import { operationCatalogues } from '../../shared/operations';
import { vendorList } from '../../shared/vendors';
import { buildApp } from '../../zapier/app';
import { version } from '../../package.json';
import { checkApp, checkConnectionLabel, report, type CheckedApp } from './integration-checks';

describe('Zapier integration checks (offline)', () => {
	it.each(vendorList.map((vendor) => [vendor.id, vendor] as const))('%s app passes every check', async (_id, vendor) => {
		const app = buildApp(vendor, { version }) as unknown as CheckedApp;
		const idExemptions = operationCatalogues[vendor.id].idWithoutList ?? {};
		expect(report([...checkApp(app, { idExemptions }), ...(await checkConnectionLabel(app))])).toBe('');
	});
});

describe('each check fails on a definition that breaks it', () => {
	const good = () => buildApp(vendorList[0], { version }) as unknown as CheckedApp;
	const op = (over: Record<string, unknown>, operation: Record<string, unknown> = {}) => ({
		key: 'broken',
		noun: 'Widget',
		display: { label: 'New Widget', description: 'Triggers when a widget is added.' },
		...over,
		operation: { sample: { id: 1, name: 'Gizmo' }, outputFields: [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }], inputFields: [], ...operation },
	});
	const cases: Array<[string, (app: CheckedApp) => void]> = [
		['D001', (app) => void ((app.creates as Record<string, unknown>).broken = op({ display: { label: 'Create Widget', description: 'Creates a widget.' } }, { inputFields: [{ key: 'api_key', label: 'API Key' }] }))],
		['D003', (app) => void ((app.authentication as Record<string, unknown>).connectionLabel = undefined)],
		['D004', (app) => void ((app.creates as Record<string, unknown>).broken = op({ display: { label: 'Create Widget', description: 'Creates a widget.' } }, { inputFields: [{ key: 'widgetId', label: 'Widget ID' }] }))],
		['D006', (app) => void ((app.triggers as Record<string, unknown>).broken = op({}, { type: 'hook', perform: () => [] }))],
		['D008', (app) => void ((app.creates as Record<string, unknown>).broken = op({ display: { label: 'Create Widget', description: 'Creates a widget.' } }, { inputFields: [{ key: 'name', label: 'Name', helpText: 'See https://example.com/help.' }] }))],
		['D009', (app) => void ((app.searches as Record<string, unknown>).broken = op({ display: { label: 'Find Widget', description: 'Finds a widget.' } }))],
		['D021', (app) => void ((app.triggers as Record<string, unknown>).broken = op({ display: { label: 'New Widget', description: 'Fires for each new widget.' } }))],
		['D023', (app) => void ((app.triggers as Record<string, unknown>).broken = op({}, { sample: { id: 1, created: '2024-01-31 09:30' }, outputFields: [{ key: 'id', label: 'ID' }, { key: 'created', label: 'Created' }] }))],
		['STYLE-CREATE', (app) => void ((app.creates as Record<string, unknown>).broken = op({ display: { label: 'Create Widget', description: 'Create a widget.' } }))],
		['STYLE-SEARCH', (app) => void ((app.searches as Record<string, unknown>).broken = op({ display: { label: 'Get Widget', description: 'Get one widget.' } }, { inputFields: [{ key: 'name', label: 'Name' }] }))],
		['STYLE-NOUN', (app) => void ((app.triggers as Record<string, unknown>).broken = op({ noun: 'Widgets' }))],
		['STYLE-NOTE', (app) => void ((app.creates as Record<string, unknown>).broken = op({ display: { label: 'Create Widget', description: 'Creates a widget. Unconfirmed: the route is a guess.' } }))],
		['SAMPLE-PLACEHOLDER', (app) => void ((app.triggers as Record<string, unknown>).broken = op({}, { sample: { id: 1, name: 'Sample name' } }))],
		['OUTPUT-FIELDS', (app) => void ((app.triggers as Record<string, unknown>).broken = op({}, { outputFields: undefined }))],
		['POLL-INPUT', (app) => void ((app.triggers as Record<string, unknown>).broken = op({}, { inputFields: [{ key: 'orderBy', label: 'Order' }] }))],
	];
	it.each(cases)('%s', async (code, breakIt) => {
		const app = good();
		breakIt(app);
		const codes = [...checkApp(app), ...(await checkConnectionLabel(app))].map((v) => v.code);
		expect(codes).toContain(code);
	});
});
