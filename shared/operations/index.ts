import type { VendorId } from '../types';
import { registry } from '../vendors';
import type { VendorOperations } from './types';

export * from './types';
export * from './request';
export * from './polling';

/** Every vendor's catalogue, keyed like `vendors`: read from the one registry entry per vendor (shared/vendors/index.ts). */
export const operationCatalogues = Object.fromEntries(Object.entries(registry).map(([id, entry]) => [id, entry.catalogue])) as Record<VendorId, VendorOperations>;
