/**
 * Talent pool and overseas demand (issue 6): profiles, postings, hard filters, an explainable score,
 * an index for large pools, and the ISCO-08 / ESCO taxonomies. Pure: no I/O, no clock.
 */
export * from './matcher.js';
export * from './scales.js';
export * from './scoring.js';
export * from './taxonomy/index.js';
export * from './top-k.js';
export * from './types.js';
export * from './validation.js';
