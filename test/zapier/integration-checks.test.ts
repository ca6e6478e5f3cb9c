/**
 * Every Zapier app (each vendor's OAuth2 integration and each alternative-credential integration, built as
 * dist/zapier/ builds them) passes the offline integration checks (test/zapier/integration-checks.ts, which
 * lists every D code), and each check fails on a definition that breaks it, so a green run means something.
 */
import { operationCatalogues } from '../../shared/operations';
import { vendorList } from '../../shared/vendors';
import { alternativeFolderName, zapierAlternatives } from '../../zapier/alternatives';
import { buildApp } from '../../zapier/app';
import { buildVendorApp } from '../../zapier/vendor-app';
import { version } from '../../package.json';
import { checkApp, checkConnectionLabel, isTitleCase, report, type CheckedApp } from './integration-checks';

const APPS = vendorList.flatMap((vendor) => [
	{ folder: vendor.id, vendor, build: () => buildApp(vendor, { version }) },
	...zapierAlternatives(vendor).map((alternative) => ({
		folder: alternativeFolderName(vendor, alternative),
		vendor,
		build: () => buildVendorApp(vendor, operationCatalogues[vendor.id], version, alternative),
	})),
]);

describe('Zapier integration checks (offline)', () => {
	it('covers every integration dist/zapier gets, alternatives included', () => {
		expect(APPS.length).toBeGreaterThan(vendorList.length);
	});

	it.each(APPS.map((app) => [app.folder, app] as const))('%s app passes every check', async (_folder, { vendor, build }) => {
		const app = build() as unknown as CheckedApp;
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
	const create = (operation: Record<string, unknown> = {}) => op({ display: { label: 'Create Widget', description: 'Creates a widget.' } }, { inputFields: [{ key: 'name', label: 'Name' }], ...operation });
	const set = (app: CheckedApp, group: 'triggers' | 'creates' | 'searches', value: unknown) => void ((app[group] as Record<string, unknown>).broken = value);
	const pastedKeyAuth = (helpText: string) => ({ type: 'custom', connectionLabel: () => 'acme', fields: [{ key: 'api_key', label: 'API Key', type: 'password', helpText }] });
	const cases: Array<[string, (app: CheckedApp) => void]> = [
		['D001', (app) => set(app, 'creates', create({ inputFields: [{ key: 'user_password', label: 'Password' }] }))],
		['D002', (app) => void (app.authentication = pastedKeyAuth('Found on the "API Details" page in settings.'))],
		['D003', (app) => void ((app.authentication as Record<string, unknown>).connectionLabel = undefined)],
		['D003', (app) => void ((app.authentication as Record<string, unknown>).connectionLabel = '{{api_key}}')],
		['D003', (app) => void ((app.authentication as Record<string, unknown>).connectionLabel = (_z: unknown, b: { authData: Record<string, string> }) => `me (${b.authData.access_token})`)],
		['D004', (app) => set(app, 'creates', create({ inputFields: [{ key: 'widgetId', label: 'Widget ID' }] }))],
		['D005', (app) => set(app, 'creates', create({ inputFields: [{ key: 'widgetId', label: 'Widget', dynamic: 'dropdown_nowhere.id.name' }] }))],
		['D006', (app) => set(app, 'triggers', op({}, { type: 'hook', perform: () => [], performSubscribe: () => ({}), performUnsubscribe: () => ({}) }))],
		['D007', (app) => set(app, 'creates', create({ inputFields: [{ key: 'name', label: 'Name', helpText: 'See [the guide](http://example.com/guide).' }] }))],
		['D008', (app) => set(app, 'creates', create({ inputFields: [{ key: 'name', label: 'Name', helpText: 'See https://example.com/help.' }] }))],
		['D008', (app) => void (app.authentication = pastedKeyAuth('See [Google(https://google.com)'))],
		['D009', (app) => set(app, 'searches', op({ display: { label: 'Find Widget', description: 'Finds a widget.' } }))],
		['D010', (app) => set(app, 'triggers', op({}, { sample: { widget_id: 4, name: 'Gizmo' }, outputFields: [{ key: 'widget_id', label: 'Widget ID' }, { key: 'name', label: 'Name' }] }))],
		['D010', (app) => set(app, 'triggers', op({}, { outputFields: [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'widget_id', label: 'Widget ID', primary: true }] }))],
		['D011', (app) => set(app, 'creates', create({ inputFields: [{ key: 'subdomain', label: 'Subdomain', helpText: 'subdomain' }] }))],
		['D012', (app) => set(app, 'creates', create({ sample: undefined }))],
		['D013', (app) => set(app, 'creates', create({ inputFields: [{ key: 'widgetId', label: 'Widget', dynamic: 'dropdown_items.id.name', search: 'widget_find.id' }] }))],
		['D014', (app) => set(app, 'creates', create({ inputFields: [{ key: 'itemId', label: 'Item', dynamic: 'dropdown_items.id.name', search: 'item_findByDescription.id', list: true }] }))],
		['D015', (app) => void (app.searchOrCreates = { broken: { key: 'broken', display: { label: 'Find or Create Widget', description: 'Finds a widget, or creates one.' }, search: 'nowhere', create: 'item_create' } })],
		['D016', (app) => {
			app.triggers = { broken: op({}, { type: 'hook', perform: () => [], performList: () => [] }) } as unknown as CheckedApp['triggers'];
			app.creates = {};
			app.searches = {};
			app.searchOrCreates = {};
		}],
		['D017', (app) => set(app, 'triggers', op({}, { type: 'hook', perform: () => [], performList: () => [] }))],
		['D018', (app) => set(app, 'triggers', op({ display: { label: 'new widget', description: 'Triggers when a widget is added.' } }))],
		['D021', (app) => set(app, 'triggers', op({ display: { label: 'New Widget', description: 'Fires for each new widget.' } }))],
		['D021', (app) => set(app, 'triggers', op({ display: { label: 'New Widget', description: 'Triggers when a widget is added' } }))],
		['D022', (app) => set(app, 'creates', create({ inputFields: [() => []] }))],
		['D023', (app) => set(app, 'triggers', op({}, { sample: { id: 1, created: '2024-01-31 09:30' }, outputFields: [{ key: 'id', label: 'ID' }, { key: 'created', label: 'Created' }] }))],
		['D023', (app) => set(app, 'triggers', op({}, { sample: { id: 1, created: '01 Aug 2023' }, outputFields: [{ key: 'id', label: 'ID' }, { key: 'created', label: 'Created' }] }))],
		['D024', (app) => set(app, 'triggers', op({}, { sample: { id: '1', name: 'Gizmo' }, outputFields: [{ key: 'id', label: 'ID', type: 'integer' }, { key: 'name', label: 'Name' }] }))],
		['D024', (app) => set(app, 'triggers', op({}, { outputFields: [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'email', label: 'Email', required: true }] }))],
		['D025', (app) => set(app, 'creates', create({ inputFields: [{ key: 'name', label: 'Name', helpText: 'See [this](javascript:alert(1)).' }] }))],
		['D026', (app) => void (app.authentication = { ...pastedKeyAuth('Find it in [Settings](https://example.com/settings).'), fields: [{ key: 'subdomain', label: 'Subdomain', type: 'string', inputFormat: 'https://{{input}}.example.com' }] })],
		['D026', (app) => void (app.authentication = { ...pastedKeyAuth('Find it in [Settings](https://example.com/settings).'), fields: [{ key: 'site_url', label: 'Site URL', type: 'string' }] })],
		['STYLE-CREATE', (app) => set(app, 'creates', op({ display: { label: 'Create Widget', description: 'Create a widget.' } }))],
		['STYLE-SEARCH', (app) => set(app, 'searches', op({ display: { label: 'Get Widget', description: 'Get one widget.' } }, { inputFields: [{ key: 'name', label: 'Name' }] }))],
		['STYLE-NOUN', (app) => set(app, 'triggers', op({ noun: 'Widgets' }))],
		['STYLE-NOTE', (app) => set(app, 'creates', op({ display: { label: 'Create Widget', description: 'Creates a widget. Unconfirmed: the route is a guess.' } }))],
		['SAMPLE-PLACEHOLDER', (app) => set(app, 'triggers', op({}, { sample: { id: 1, name: 'Sample name' } }))],
		['OUTPUT-FIELDS', (app) => set(app, 'triggers', op({}, { outputFields: undefined }))],
		['POLL-INPUT', (app) => set(app, 'triggers', op({}, { inputFields: [{ key: 'orderBy', label: 'Order' }] }))],
	];
	const options = { idExemptions: operationCatalogues[vendorList[0].id].idWithoutList ?? {} };
	it.each(cases)('%s', async (code, breakIt) => {
		const app = good();
		expect(checkApp(app, options).map((v) => v.code)).not.toContain(code); // the unbroken app passes this check
		breakIt(app);
		const codes = [...checkApp(app, options), ...(await checkConnectionLabel(app))].map((v) => v.code);
		expect(codes).toContain(code);
	});

	it('D018 reads Title Case as Zapier shows it', () => {
		expect(['New Contact', 'Add Comment to Item', 'Update Progress of Key Result', 'Find or Create Task', 'API Request', 'New ID 2'].filter((l) => !isTitleCase(l))).toEqual([]);
		expect(['new contact', 'New contact', 'Add comment To item'].filter((l) => isTitleCase(l))).toEqual(['Add comment To item'].filter(() => false));
	});
});
