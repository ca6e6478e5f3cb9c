export * from './api';
export * from './authorize';
export * from './errors';
export * from './http';
export * from './lifecycle';
export * from './token-requests';
export * from './token-response';
