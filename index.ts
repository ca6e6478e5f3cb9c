/**
 * Programmatic entry: the vendor definitions and the transport-free OAuth lifecycle.
 * n8n itself loads the credentials and nodes listed in package.json `n8n`, not this file.
 */
export * from './shared/types';
export { vendors, vendorList } from './shared/vendors';
export * from './shared/oauth';
