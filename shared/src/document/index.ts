export * from './section-names';
export * from './section-schemas';
export * from './section-access';
export * from './section-registry';
export * from './yjs-json';
export * from './rich-text';
export * from './formatting';
