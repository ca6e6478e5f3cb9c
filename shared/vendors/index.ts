import type { VendorDefinition, VendorId } from '../types';
import { webworkTracker } from './webwork-tracker';
import { weekdone } from './weekdone';
import { wordapp } from './wordapp';
import { worksection } from './worksection';
import { worktual } from './worktual';

export { weekdone, worksection, worktual, webworkTracker, wordapp };

/**
 * The vendor registry: every vendor, keyed by its id. `VendorId` (shared/types.ts) is derived from these
 * keys, so this is the one place a vendor is listed; adapters, the sandbox check and tests iterate it.
 */
export const vendors = {
	weekdone,
	worksection,
	worktual,
	'webwork-tracker': webworkTracker,
	wordapp,
} satisfies Record<string, VendorDefinition>;

export const vendorList: VendorDefinition[] = Object.values(vendors);

/** The registry's ids, in registry order. */
export const vendorIds = Object.keys(vendors) as VendorId[];

export function isVendorId(value: unknown): value is VendorId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(vendors, value);
}
