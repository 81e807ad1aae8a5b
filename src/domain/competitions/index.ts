/** Competition marking and results engine (worldskills.md §1.4–§1.7, §2, §6, §8). Pure: no I/O, no clock. */
export * from './aspect-mark.js';
export * from './awards.js';
export * from './compatriot.js';
export * from './form-total.js';
export * from './judge-analysis.js';
export * from './marking-scheme.js';
export * from './ranking.js';
export type { Rational as RationalValue } from './rational.js';
export * as Rational from './rational.js';
export * from './raw-total.js';
export * from './results.js';
export * from './scale.js';
export * from './scheme-validation.js';
export * from './settings.js';
export * from './skill.js';
