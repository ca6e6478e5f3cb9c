// What node descriptions and node methods are built from; how a node talks to the vendor is ../transport.
export * from './node-spec';
export * from './description';
export * from './execute';
export * from './load-options';
export * from './polling';
export * from './webhook';
