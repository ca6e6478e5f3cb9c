import type { VendorDefinition, VendorId } from '../types';
import { webworkTracker } from './webwork-tracker';
import { weekdone } from './weekdone';
import { wordapp } from './wordapp';
import { worksection } from './worksection';
import { worktual } from './worktual';

export { weekdone, worksection, worktual, webworkTracker, wordapp };

/** Every vendor, keyed by id. Adapters iterate this; nothing else lists vendors. */
export const vendors: Record<VendorId, VendorDefinition> = {
	weekdone,
	worksection,
	worktual,
	'webwork-tracker': webworkTracker,
	wordapp,
};

export const vendorList: VendorDefinition[] = Object.values(vendors);
