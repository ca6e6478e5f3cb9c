import type { Create, Search, Trigger } from 'zapier-platform-core';

import type { VendorDefinition } from '../../shared/types';
import { apiRequestCreate } from './api-request';
import { connectionCheckTrigger } from './connection-check';

export interface ZapierOperations {
	triggers: Record<string, Trigger>;
	creates: Record<string, Create>;
	searches: Record<string, Search>;
}

function byKey<T extends { key: string }>(items: T[]): Record<string, T> {
	return Object.fromEntries(items.map((item) => [item.key, item]));
}

/**
 * Every trigger, create and search of a vendor's app. The seam for the operation catalogue
 * (shared/operations): generated actions join the two generic ones here, keyed by their `key`.
 */
export function buildOperations(vendor: VendorDefinition): ZapierOperations {
	return {
		triggers: byKey([connectionCheckTrigger(vendor)]),
		creates: byKey([apiRequestCreate(vendor)]),
		searches: {},
	};
}
