/**
 * Phillips level 5 ROI and the Kirkpatrick L3 application rate (cooperation-and-evaluation.md §4).
 * Money is integer minor units of one ISO 4217 currency (as everywhere in the platform); sums are
 * exact integers, and amounts in different currencies are refused rather than converted.
 * Pure: no I/O.
 */

export interface MoneyAmount {
  /** Integer minor units (cents, fen, …). */
  amountMinor: number;
  /** ISO 4217 code, e.g. 'CNY'. */
  currency: string;
}

export type RoiProblemCode =
  | 'mixed_currencies'
  | 'invalid_currency'
  | 'invalid_amount'
  | 'negative_amount'
  | 'amount_too_large'
  | 'no_costs';

export type RoiResult =
  | {
      ok: true;
      currency: string;
      benefitsMinor: number;
      costsMinor: number;
      /** benefits − costs */
      netBenefitsMinor: number;
      /** BCR = benefits / costs */
      benefitCostRatio: number;
      /** ROI % = (benefits − costs) / costs × 100 */
      roiPercent: number;
    }
  | {
      ok: false;
      code: RoiProblemCode;
      /** Which list and index the problem is in, when it is about one amount. */
      at: { list: 'benefits' | 'costs'; index: number } | null;
    };

const CURRENCY_RE = /^[A-Z]{3}$/;

/**
 * Phillips ROI (§4, L5): BCR = program benefits / program costs; ROI % = (net program benefits /
 * program costs) × 100 with net benefits = benefits − costs. Benefits are the monetary benefits
 * already isolated and converted (§4); intangibles stay out. Costs are the fully loaded costs.
 *
 * Refused, with a code: amounts that are not integers (`invalid_amount`) or negative
 * (`negative_amount`), a currency that is not three capital letters (`invalid_currency`), more than
 * one currency across benefits and costs (`mixed_currencies`), totals beyond exact integers
 * (`amount_too_large`), and costs totalling zero (`no_costs`: the ratio is undefined). No benefits
 * at all is allowed (BCR 0, ROI −100 %).
 */
export function phillipsRoi(benefits: readonly MoneyAmount[], costs: readonly MoneyAmount[]): RoiResult {
  let currency: string | null = null;
  const total = (list: readonly MoneyAmount[], name: 'benefits' | 'costs') => {
    let sum = 0;
    for (const [index, m] of list.entries()) {
      const at = { list: name, index };
      if (!CURRENCY_RE.test(m.currency)) {
        return { ok: false as const, code: 'invalid_currency' as const, at };
      }
      if (currency !== null && m.currency !== currency) {
        return { ok: false as const, code: 'mixed_currencies' as const, at };
      }
      currency = m.currency;
      if (!Number.isSafeInteger(m.amountMinor)) {
        return { ok: false as const, code: 'invalid_amount' as const, at };
      }
      if (m.amountMinor < 0) {
        return { ok: false as const, code: 'negative_amount' as const, at };
      }
      sum += m.amountMinor;
      if (!Number.isSafeInteger(sum)) {
        return { ok: false as const, code: 'amount_too_large' as const, at: null };
      }
    }
    return { ok: true as const, sum };
  };
  const b = total(benefits, 'benefits');
  if (!b.ok) {
    return b;
  }
  const c = total(costs, 'costs');
  if (!c.ok) {
    return c;
  }
  if (c.sum === 0 || currency === null) {
    return { ok: false, code: 'no_costs', at: null };
  }
  const net = b.sum - c.sum;
  return {
    ok: true,
    currency,
    benefitsMinor: b.sum,
    costsMinor: c.sum,
    netBenefitsMinor: net,
    benefitCostRatio: b.sum / c.sum,
    roiPercent: (net / c.sum) * 100,
  };
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`);
  }
}

/** responded / invited × 100, or null when nobody was invited (§4: "report response rate"). */
export function responseRate(responded: number, invited: number): number | null {
  checkCount('responded', responded);
  checkCount('invited', invited);
  if (responded > invited) {
    throw new RangeError(`responded (${responded}) exceeds invited (${invited})`);
  }
  return invited === 0 ? null : (responded * 100) / invited;
}

export interface ApplicationRate {
  invited: number;
  responded: number;
  applied: number;
  /** applied / responded × 100 (§4 L3); null when nobody responded. */
  applicationRate: number | null;
  /** responded / invited × 100; null when nobody was invited. */
  responseRate: number | null;
}

/**
 * Kirkpatrick L3 application rate (§4): the share of follow-up respondents with documented
 * application of what they learned, `applied / responded × 100`, always reported with the response
 * rate `responded / invited × 100`.
 */
export function applicationRate(counts: {
  invited: number;
  responded: number;
  applied: number;
}): ApplicationRate {
  const { invited, responded, applied } = counts;
  checkCount('applied', applied);
  if (applied > responded) {
    throw new RangeError(`applied (${applied}) exceeds responded (${responded})`);
  }
  const rr = responseRate(responded, invited);
  return {
    invited,
    responded,
    applied,
    applicationRate: responded === 0 ? null : (applied * 100) / responded,
    responseRate: rr,
  };
}

/**
 * The L3 counts from follow-up records, one per invited participant: `applied` is true / false for
 * a respondent who answered the application question, null for one who did not respond (or skipped
 * it, which counts as not responding to L3).
 */
export function applicationRateFromFollowUps(
  followUps: readonly { applied: boolean | null }[],
): ApplicationRate {
  const responded = followUps.filter((f) => f.applied !== null).length;
  const applied = followUps.filter((f) => f.applied === true).length;
  return applicationRate({ invited: followUps.length, responded, applied });
}
