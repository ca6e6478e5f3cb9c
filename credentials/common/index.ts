export * from './alternatives';
export * from './fields';
export * from './http';
export * from './oauth2';
