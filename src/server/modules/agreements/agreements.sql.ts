import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../platform/db/database.js';

export type AgreementsEb = ExpressionBuilder<Database & { a: Database['agreements'] }, 'a'>;

/**
 * "In force" in SQL: status active or expiring as `deriveAgreementStatus` decides it
 * (signed, not terminated by `today`, and not past its end unless it renews itself).
 * Kept beside the domain rule's tests: agreements.test.ts checks both agree.
 */
export function agreementInForce(eb: AgreementsEb, today: string): Expression<SqlBool> {
  return eb.and([
    eb('a.stage', '=', 'signed'),
    agreementNotTerminated(eb, today),
    eb.or([eb('a.endsOn', 'is', null), eb('a.endsOn', '>=', today), eb('a.autoRenewal', '=', 1)]),
  ]);
}

/** Not terminated by `today` (a termination dated in the future has not happened yet). */
export function agreementNotTerminated(eb: AgreementsEb, today: string): Expression<SqlBool> {
  return eb.or([eb('a.terminatedOn', 'is', null), eb('a.terminatedOn', '>', today)]);
}
