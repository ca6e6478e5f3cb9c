import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';

import type { VendorDefinition } from '../../shared/types';
import { apiUrl } from '../urls';
import { itemsOf, withIds } from './results';
import { hostRootUrl } from './send';

/**
 * A hidden polling trigger running the vendor's cheap request: a safe sample source and a smoke test for a
 * connection, until the operation catalogue provides real triggers.
 */
export function connectionCheckTrigger(vendor: VendorDefinition): Trigger {
	const perform = async (z: ZObject, bundle: Bundle) => {
		const { method, path, qs, fromHostRoot } = vendor.api.testRequest;
		const url = fromHostRoot ? hostRootUrl(vendor, bundle, path) : apiUrl(vendor, bundle.authData, path);
		const response = await z.request({ method, url, params: qs });
		return withIds(itemsOf(response.data));
	};
	return {
		key: 'connection_check',
		noun: 'Connection',
		display: { label: 'Connection Check', description: `Runs a cheap ${vendor.displayName} request.`, hidden: true },
		operation: { perform, sample: { id: '0' } },
	};
}
