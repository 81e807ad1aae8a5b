import type { TSchemeProblem } from '../../../contracts/marking-schemes.js';
import type { SchemeProblemCode } from '../../../domain/competitions/scheme-validation.js';
import { ApiError } from '../../lib/api';

/** Every code of the domain's scheme validation (the web translates each under markingSchemes.problems). */
export const SCHEME_PROBLEM_CODES = [
  'scheme_total_not_100',
  'section_weights_not_100',
  'section_variation_exceeded',
  'section_weight_invalid',
  'section_duplicate',
  'criterion_duplicate',
  'criterion_without_sub_criteria',
  'sub_criterion_duplicate',
  'sub_criterion_criterion_unknown',
  'sub_criterion_day_missing',
  'sub_criterion_without_aspects',
  'aspect_duplicate',
  'aspect_sub_criterion_unknown',
  'aspect_section_unknown',
  'aspect_max_mark_invalid',
  'aspect_max_mark_not_positive',
  'aspect_max_mark_too_high',
  'judgement_descriptor_missing',
  'measurement_calculation_missing',
  'number_completed_possible_invalid',
  'choice_too_few',
  'choice_label_missing',
  'choice_deduction_invalid',
  'ranged_target_invalid',
  'ranged_bound_invalid',
  'ranged_bounds_inverted',
  'ranged_deduction_invalid',
  'deduct_per_error_invalid',
] as const satisfies readonly SchemeProblemCode[];

// A code added to the domain without a translation here fails to compile.
type Untranslated = Exclude<SchemeProblemCode, (typeof SCHEME_PROBLEM_CODES)[number]>;
const allTranslated: [Untranslated] extends [never] ? true : never = true;
void allTranslated;

/** `details.reason` of the INVALID_STATE answers of the marking-scheme endpoints. */
export const SCHEME_STATE_REASONS = [
  'draft_exists',
  'marks_exist',
  'not_draft',
  'not_locked',
  'scheme_invalid',
  'previous_version_has_marks',
  'nothing_to_copy',
  'superseded',
] as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The translated sentence of a validation problem. */
export function schemeProblemText(t: Translate, p: TSchemeProblem): string {
  return t(`markingSchemes.problems.${p.code}`, { ...p.params, defaultValue: p.code });
}

/** Where a problem is: "Section 2", "Criterion A", "A1", "A1.3", or the whole scheme. */
export function schemeProblemPlace(t: Translate, p: TSchemeProblem): string {
  if (p.aspectKey) {
    return t('markingSchemes.where.aspect', { key: p.aspectKey });
  }
  if (p.subCriterionKey) {
    return t('markingSchemes.where.subCriterion', { key: p.subCriterionKey });
  }
  if (p.criterionKey) {
    return t('markingSchemes.where.criterion', { key: p.criterionKey });
  }
  if (p.sectionNumber !== undefined) {
    return t('markingSchemes.where.section', { number: p.sectionNumber });
  }
  return t('markingSchemes.where.scheme');
}

/** A specific sentence for the INVALID_STATE answers of this module, else null (use ErrorState). */
export function stateReasonText(t: Translate, error: unknown): string | null {
  if (error instanceof ApiError && error.code === 'INVALID_STATE') {
    const reason = String(error.details.reason ?? '');
    if ((SCHEME_STATE_REASONS as readonly string[]).includes(reason)) {
      return t(`markingSchemes.reasons.${reason}`);
    }
  }
  return null;
}
