/**
 * Project evaluation (cooperation-and-evaluation.md §2.2 results framework, §4 training evaluation):
 * logframe progress and status, indicator templates, survey statistics (Likert, NPS, Cronbach's
 * alpha, knowledge tests), Hake gain, Phillips ROI and L3 application rate, group comparisons with
 * small-group suppression. Pure: no I/O, no clock.
 */
export * from './comparisons.js';
export * from './indicator-templates.js';
export * from './learning-gain.js';
export * from './results-framework.js';
export * from './roi.js';
export * from './survey-stats.js';
