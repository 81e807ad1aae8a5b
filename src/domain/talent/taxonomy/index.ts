/** Occupation and skill taxonomies for the talent pool (README.md: sources, licences, coverage). */
export * from './college-skills.js';
export * from './curation.js';
export * from './esco-starter.js';
export * from './isco08.js';
export * from './labels.js';
