import { operationCatalogues } from '../shared/operations';
import type { VendorOperations } from '../shared/operations/types';
import type { VendorDefinition } from '../shared/types';
import { buildVendorApp, type VendorApp } from './vendor-app';

export type { VendorApp } from './vendor-app';

export interface BuildAppOptions {
	/** The integration version (x.y.z), normally our package.json version. */
	version: string;
	/** The vendor's operation catalogue; the registry's (shared/operations) when left out. */
	catalogue?: VendorOperations;
}

/**
 * A vendor's Zapier app with its catalogue from the registry (tests, tools). The pushable folders call
 * buildVendorApp (vendor-app.ts) with their own definition and catalogue, so they ship no other vendor.
 */
export function buildApp(vendor: VendorDefinition, options: BuildAppOptions): VendorApp {
	return buildVendorApp(vendor, options.catalogue ?? operationCatalogues[vendor.id], options.version);
}
