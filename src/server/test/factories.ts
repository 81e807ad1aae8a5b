import type { TAgreementInput } from '../../contracts/agreements.js';
import type { TPartnerInput } from '../../contracts/partners.js';

let n = 0;

/** A valid partner create body; override what the test is about. */
export function buildPartner(overrides: Partial<TPartnerInput> = {}): TPartnerInput {
  n++;
  return {
    names: { en: `Partner College ${n}`, 'zh-CN': `合作学院 ${n}` },
    nativeName: '',
    country: 'KE',
    city: 'Nairobi',
    type: '80',
    identifiers: [],
    website: '',
    networkIds: [],
    tags: [],
    notes: '',
    contacts: [],
    ...overrides,
  };
}

/** A valid agreement create body for the given partners. */
export function buildAgreement(
  partnerIds: string[],
  overrides: Partial<TAgreementInput> = {},
): TAgreementInput {
  n++;
  return {
    type: 'mou',
    title: { en: `Agreement ${n}` },
    scope: '',
    partnerIds,
    signatories: [],
    stage: 'signed',
    signedOn: '2025-01-10',
    startsOn: '2025-01-10',
    endsOn: '2028-01-09',
    autoRenewal: false,
    renewalMonths: null,
    expiringWindowDays: 90,
    notes: '',
    ...overrides,
  };
}
