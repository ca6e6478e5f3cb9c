/** Shared bits of the alternative-auth app tests: building an alternative app beside its OAuth app, comparing them, checking it whole. */
import { operationCatalogues } from '../../shared/operations';
import type { VendorId } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import type { VendorApp } from '../../zapier/app';
import { zapierAlternatives, type ZapierAlternative } from '../../zapier/alternatives';
import { buildVendorApp } from '../../zapier/vendor-app';
import { checkApp, checkConnectionLabel, report, type CheckedApp } from './integration-checks';

/** The keys of an app's triggers, creates, searches and search-or-creates: two apps with the same operations give the same lists. */
export function operationKeys(app: VendorApp): string[][] {
	return [app.triggers, app.creates, app.searches, app.searchOrCreates].map((group) => Object.keys(group ?? {}));
}

/** Every integration check (with the vendor catalogue's typed-ID exemptions) and the connection-label check: '' when all pass. */
export async function integrationReport(app: VendorApp, id: VendorId): Promise<string> {
	const checked = app as unknown as CheckedApp;
	return report([...checkApp(checked, { idExemptions: operationCatalogues[id].idWithoutList ?? {} }), ...(await checkConnectionLabel(checked))]);
}

/** One vendor's alternative-auth app of `kind` (zapier/alternatives.ts) and its OAuth app, built from the same catalogue. */
export function alternativeAndOAuthApps(id: VendorId, kind: ZapierAlternative['kind']): { app: VendorApp; oauth: VendorApp } {
	const definition = vendors[id];
	const alternative = zapierAlternatives(definition).find((a) => a.kind === kind);
	if (!alternative) throw new Error(`${id} has no ${kind} alternative`);
	return { app: buildVendorApp(definition, operationCatalogues[id], '1.0.0', alternative), oauth: buildVendorApp(definition, operationCatalogues[id], '1.0.0') };
}

/** What the user fills in to connect: the auth type and each field as [key, type, required]. */
export function connectionForm(app: VendorApp): { type?: string; fields?: unknown[][] } {
	return { type: app.authentication?.type, fields: app.authentication?.fields?.map((f) => [f.key, f.type, f.required]) };
}

/** An alternative app is whole: it asks for `form`, offers exactly its OAuth app's operations, and passes every integration check. */
export async function expectWholeAlternative(id: VendorId, kind: ZapierAlternative['kind'], form: ReturnType<typeof connectionForm>): Promise<void> {
	const { app, oauth } = alternativeAndOAuthApps(id, kind);
	expect(connectionForm(app)).toEqual(form);
	expect(operationKeys(app)).toEqual(operationKeys(oauth));
	expect(await integrationReport(app, id)).toBe('');
}
