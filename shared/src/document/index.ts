export * from './sections';
export * from './section-access';
export * from './yjs-json';
export * from './rich-text';
