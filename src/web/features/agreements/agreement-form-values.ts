import type { TAgreement } from '../../../contracts/agreements.js';
import { compactLocalized } from '../../components/localized-text-editor';

/** Sentinel for "our own organization" in the signatory party select. */
export const OWN_PARTY = '__own__';

export interface SignatoryValue {
  name: string;
  title: string;
  partyId: string;
  signedOn: string;
}

export interface AgreementFormValues {
  type: string;
  title: Record<string, string>;
  scope: string;
  partnerIds: string[];
  signatories: SignatoryValue[];
  stage: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  autoRenewal: boolean;
  renewalMonths: number | string;
  expiringWindowDays: number | string;
  notes: string;
}

export function emptyAgreementValues(partnerId?: string | null): AgreementFormValues {
  return {
    type: 'mou',
    title: { en: '', 'zh-CN': '', fr: '', ar: '' },
    scope: '',
    partnerIds: partnerId ? [partnerId] : [],
    signatories: [],
    stage: 'draft',
    signedOn: '',
    startsOn: '',
    endsOn: '',
    autoRenewal: false,
    renewalMonths: '',
    expiringWindowDays: 90,
    notes: '',
  };
}

export function agreementToValues(a: TAgreement): AgreementFormValues {
  return {
    type: a.type,
    title: { ...emptyAgreementValues().title, ...a.title },
    scope: a.scope,
    partnerIds: a.partners.map((p) => p.id),
    signatories: a.signatories.map((s) => ({
      name: s.name,
      title: s.title,
      partyId: s.partyId ?? OWN_PARTY,
      signedOn: s.signedOn ?? '',
    })),
    stage: a.stage,
    signedOn: a.signedOn ?? '',
    startsOn: a.startsOn ?? '',
    endsOn: a.endsOn ?? '',
    autoRenewal: a.autoRenewal,
    renewalMonths: a.renewalMonths ?? '',
    expiringWindowDays: a.expiringWindowDays,
    notes: a.notes,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);
const numOrNull = (n: number | string) => (n === '' || n === null ? null : Number(n));

/** Form values → request shape (checked by ZAgreementInput before sending). */
export function agreementValuesToInput(v: AgreementFormValues): unknown {
  return {
    type: v.type,
    title: compactLocalized(v.title),
    scope: v.scope,
    partnerIds: v.partnerIds,
    signatories: v.signatories.map((s) => ({
      name: s.name,
      title: s.title,
      partyId: s.partyId === OWN_PARTY || s.partyId === '' ? null : s.partyId,
      signedOn: orNull(s.signedOn),
    })),
    stage: v.stage,
    signedOn: orNull(v.signedOn),
    startsOn: orNull(v.startsOn),
    endsOn: orNull(v.endsOn),
    autoRenewal: v.autoRenewal,
    renewalMonths: v.autoRenewal ? numOrNull(v.renewalMonths) : null,
    expiringWindowDays: numOrNull(v.expiringWindowDays) ?? 90,
    notes: v.notes,
  };
}
