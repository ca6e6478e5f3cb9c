import { version as coreVersion, type App, type Create, type Search, type Trigger } from 'zapier-platform-core';

import type { VendorOperations } from '../shared/operations/types';
import type { VendorDefinition } from '../shared/types';
import { buildAuthentication } from './authentication';
import { buildAfterResponse, buildBeforeRequest } from './middleware';
import { buildOperations } from './operations';
import { redactAllErrors } from './redaction';
import { tokenAuthentication, tokenVendor, type PersonalToken } from './token-auth';

export type VendorApp = App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;

/**
 * A complete Zapier app for one vendor, from its definition and catalogue, both passed in. This module
 * imports no registry, so a pushable folder built from it carries its own vendor only (write-apps.ts).
 * Every method's errors are redacted with the invocation's secrets (redaction.ts).
 */
export function buildVendorApp(definition: VendorDefinition, catalogue: VendorOperations, version: string, token?: PersonalToken): VendorApp {
	// a personal-token integration (token-auth.ts): the same operations, the token's placement, no refresh
	const vendor = token ? tokenVendor(definition, token) : definition;
	const { triggers, creates, searches, searchOrCreates } = redactAllErrors(vendor, buildOperations(vendor, catalogue));
	return {
		version,
		platformVersion: coreVersion,
		authentication: redactAllErrors(vendor, token ? tokenAuthentication(vendor, token) : buildAuthentication(vendor)),
		beforeRequest: [buildBeforeRequest(vendor)],
		afterResponse: [buildAfterResponse(vendor)],
		triggers,
		creates,
		searches,
		...(searchOrCreates && Object.keys(searchOrCreates).length > 0 ? { searchOrCreates } : {}),
	};
}
