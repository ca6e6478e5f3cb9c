import type { IPollFunctions } from 'n8n-workflow';

import type { VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { oAuth2CredentialName } from '../transport/credentials';
import type { VendorRequestContext } from '../transport/GenericFunctions';

/** The vendor plus its catalogue: everything a generated node needs. */
export interface VendorNodeSpec {
	vendor: VendorDefinition;
	catalogue: VendorOperations;
}

/** The credential type the user picked; every node and trigger has an `authentication` parameter. */
export function credentialTypeOf(this: VendorRequestContext, spec: VendorNodeSpec, itemIndex = 0): string {
	const fallback = oAuth2CredentialName(spec.vendor);
	// Poll, hook and webhook contexts take no item index.
	const value = 'getInputData' in this ? this.getNodeParameter('authentication', itemIndex, fallback) : (this as IPollFunctions).getNodeParameter('authentication', fallback);
	return typeof value === 'string' && value !== '' ? value : fallback;
}

/** A resource locator's stored value (`{ __rl, mode, value }`), as version 2 saves a record ID. */
export function isLocatorValue(value: unknown): boolean {
	return value !== null && typeof value === 'object' && '__rl' in value;
}
