import type { VendorId } from '../types';
import type { VendorOperations } from './types';
import { webworkTrackerOperations } from './webwork-tracker';
import { weekdoneOperations } from './weekdone';
import { wordappOperations } from './wordapp';
import { worksectionOperations } from './worksection';
import { worktualOperations } from './worktual';

export * from './types';
export * from './request';
export * from './polling';
export { weekdoneOperations, worksectionOperations, worktualOperations, webworkTrackerOperations, wordappOperations };

/** Every vendor's catalogue, keyed like `vendors` in shared/vendors. */
export const operationCatalogues: Record<VendorId, VendorOperations> = {
	weekdone: weekdoneOperations,
	worksection: worksectionOperations,
	worktual: worktualOperations,
	'webwork-tracker': webworkTrackerOperations,
	wordapp: wordappOperations,
};
