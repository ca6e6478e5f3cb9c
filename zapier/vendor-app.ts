import { version as coreVersion, type App, type Create, type Search, type Trigger } from 'zapier-platform-core';

import type { VendorOperations } from '../shared/operations/types';
import type { VendorDefinition } from '../shared/types';
import { authScheme, type ZapierAlternative } from './alternatives';
import { buildOperations } from './operations';
import { redactAllErrors } from './redaction';

export type VendorApp = App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;

/**
 * A complete Zapier app for one vendor, from its definition and catalogue, both passed in. This module
 * imports no registry, so a pushable folder built from it carries its own vendor only (write-apps.ts).
 * Every method's errors are redacted with the invocation's secrets (redaction.ts).
 * With `alternative`, the app of that credential (alternatives.ts): the same operations, its own authentication.
 */
export function buildVendorApp(definition: VendorDefinition, catalogue: VendorOperations, version: string, alternative?: ZapierAlternative): VendorApp {
	const scheme = authScheme(definition, alternative);
	const vendor = scheme.vendor;
	const operations = scheme.adaptCatalogue ? scheme.adaptCatalogue(catalogue) : catalogue;
	const { triggers, creates, searches, searchOrCreates } = redactAllErrors(vendor, buildOperations(vendor, operations));
	return {
		version,
		platformVersion: coreVersion,
		authentication: redactAllErrors(vendor, scheme.authentication),
		beforeRequest: scheme.beforeRequest,
		afterResponse: scheme.afterResponse,
		triggers,
		creates,
		searches,
		...(searchOrCreates && Object.keys(searchOrCreates).length > 0 ? { searchOrCreates } : {}),
	};
}
