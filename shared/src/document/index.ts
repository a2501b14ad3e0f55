export * from './section-names';
export * from './section-schemas';
export * from './section-access';
export * from './section-registry';
// Yjs-bound helpers (yjs-json, rich-text, formatting) are exported from `@sip/shared/yjs`.
