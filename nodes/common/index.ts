export * from './api';
export * from './description';
export * from './execute';
export * from './load-options';
export * from './polling';
export * from './webhook';
