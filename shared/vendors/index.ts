import { webworkTrackerOperations } from '../operations/webwork-tracker';
import type { VendorOperations } from '../operations/types';
import { weekdoneOperations } from '../operations/weekdone';
import { wordappOperations } from '../operations/wordapp';
import { worksectionOperations } from '../operations/worksection';
import { worktualOperations } from '../operations/worktual';
import type { VendorDefinition, VendorId } from '../types';
import { webworkTracker } from './webwork-tracker';
import { weekdone } from './weekdone';
import { wordapp } from './wordapp';
import { worksection } from './worksection';
import { worktual } from './worktual';

/** One vendor as the registry holds it: its definition and its operation catalogue. */
export interface VendorEntry {
	definition: VendorDefinition;
	catalogue: VendorOperations;
}

/**
 * The vendor registry: every vendor, keyed by its id, one entry each (definition + catalogue). `VendorId`
 * (shared/types.ts) is derived from these keys, so this is the one place a vendor is listed; `vendors` here
 * and `operationCatalogues` (shared/operations/index.ts) are read from it, and adapters, the sandbox check and
 * tests iterate it.
 */
export const registry = {
	weekdone: { definition: weekdone, catalogue: weekdoneOperations },
	worksection: { definition: worksection, catalogue: worksectionOperations },
	worktual: { definition: worktual, catalogue: worktualOperations },
	'webwork-tracker': { definition: webworkTracker, catalogue: webworkTrackerOperations },
	wordapp: { definition: wordapp, catalogue: wordappOperations },
} satisfies Record<string, VendorEntry>;

/** Every vendor's definition, keyed by id. */
export const vendors = Object.fromEntries(Object.entries(registry).map(([id, entry]) => [id, entry.definition])) as {
	[Id in keyof typeof registry]: VendorDefinition;
};

export const vendorList: VendorDefinition[] = Object.values(vendors);

/** The registry's ids, in registry order. */
export const vendorIds = Object.keys(vendors) as VendorId[];

export function isVendorId(value: unknown): value is VendorId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(registry, value);
}
