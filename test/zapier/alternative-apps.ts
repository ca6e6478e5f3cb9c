/** Shared bits of the alternative-auth app tests: comparing an alternative app with its OAuth app, and checking it whole. */
import { operationCatalogues } from '../../shared/operations';
import type { VendorId } from '../../shared/types';
import type { VendorApp } from '../../zapier/app';
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
