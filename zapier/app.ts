import { version as coreVersion, type App, type Create, type Search, type Trigger } from 'zapier-platform-core';

import type { VendorOperations } from '../shared/operations/types';
import type { VendorDefinition } from '../shared/types';
import { buildAuthentication } from './authentication';
import { buildAfterResponse, buildBeforeRequest } from './middleware';
import { buildOperations } from './operations';
import { redactAllErrors } from './redaction';

export interface BuildAppOptions {
	/** The integration version (x.y.z), normally our package.json version. */
	version: string;
	/** The vendor's operation catalogue; the registry's (shared/operations) when left out. */
	catalogue?: VendorOperations;
}

export type VendorApp = App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;

/**
 * A complete Zapier app for one vendor. One pushable folder per vendor wraps exactly this (see write-apps.ts).
 * Every method's errors are redacted with the invocation's secrets (redaction.ts).
 */
export function buildApp(vendor: VendorDefinition, options: BuildAppOptions): VendorApp {
	const { triggers, creates, searches, searchOrCreates } = redactAllErrors(vendor, buildOperations(vendor, options.catalogue));
	return {
		version: options.version,
		platformVersion: coreVersion,
		authentication: redactAllErrors(vendor, buildAuthentication(vendor)),
		beforeRequest: [buildBeforeRequest(vendor)],
		afterResponse: [buildAfterResponse(vendor)],
		triggers,
		creates,
		searches,
		...(searchOrCreates && Object.keys(searchOrCreates).length > 0 ? { searchOrCreates } : {}),
	};
}
