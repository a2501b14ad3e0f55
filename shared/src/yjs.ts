/**
 * `@sip/shared/yjs`: the part of the vocabulary that reads and writes Yjs documents — the
 * section content as JSON, rich text, the formatting rule every copy follows.
 *
 * It is an entry of its own, not part of `@sip/shared`, because of what it weighs: Yjs
 * and lib0 are ~100 kB of the client's JavaScript. Everything that imports `@sip/shared`
 * (the sign-in page, the worklist: schemas, policy, messages) would otherwise bring Yjs into
 * the first page load, since a bundler places modules by the import graph, before any
 * tree-shaking. The co-editing code on both sides imports from here; nothing in
 * `@sip/shared` itself imports Yjs.
 */
export * from './document/yjs-json';
export * from './document/rich-text';
export * from './document/formatting';
