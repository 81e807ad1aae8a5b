import type { TProject } from '../../../contracts/projects.js';
import { decimalToMinor, minorToDecimal } from '../../../domain/projects/money.js';
import { compactLocalized } from '../../components/localized-text-editor';

/** Sentinel for "our own college" in the participant organization select. */
export const OWN_COLLEGE = '__own__';

export interface ParticipantValue {
  partnerId: string;
  role: string;
}
export interface ShareValue {
  key: string;
  percentage: number | string;
}
export interface BudgetValue {
  type: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  amount: string;
  currency: string;
}
export interface TransactionValue {
  type: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
  providerOrg: string;
  receiverOrg: string;
}

export interface ProjectFormValues {
  code: string;
  parentId: string;
  type: string;
  baseLocation: string;
  title: Record<string, string>;
  description: Record<string, string>;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  defaultCurrency: string;
  responsibleUserId: string;
  participants: ParticipantValue[];
  countries: ShareValue[];
  sectors: ShareValue[];
  agreementIds: string[];
  budgets: BudgetValue[];
  transactions: TransactionValue[];
}

const emptyTexts = () => ({ en: '', 'zh-CN': '', fr: '', ar: '' });

export function emptyProjectValues(parentId?: string | null): ProjectFormValues {
  return {
    code: '',
    parentId: parentId ?? '',
    type: 'capacity_building',
    baseLocation: '',
    title: emptyTexts(),
    description: emptyTexts(),
    status: '1',
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    defaultCurrency: 'CNY',
    responsibleUserId: '',
    participants: [{ partnerId: OWN_COLLEGE, role: '4' }],
    countries: [],
    sectors: [],
    agreementIds: [],
    budgets: [],
    transactions: [],
  };
}

export function projectToValues(p: TProject): ProjectFormValues {
  return {
    code: p.code,
    parentId: p.parentId ?? '',
    type: p.type,
    baseLocation: p.baseLocation ?? '',
    title: { ...emptyTexts(), ...p.title },
    description: { ...emptyTexts(), ...p.description },
    status: p.status,
    plannedStart: p.plannedStart ?? '',
    plannedEnd: p.plannedEnd ?? '',
    actualStart: p.actualStart ?? '',
    actualEnd: p.actualEnd ?? '',
    defaultCurrency: p.defaultCurrency,
    responsibleUserId: p.responsible?.id ?? '',
    participants: p.participants.map((x) => ({ partnerId: x.partnerId ?? OWN_COLLEGE, role: x.role })),
    countries: p.countryShares.map((c) => ({ key: c.country, percentage: c.percentage ?? '' })),
    sectors: p.sectors.map((s) => ({ key: s.code, percentage: s.percentage ?? '' })),
    agreementIds: p.agreements.map((a) => a.id),
    budgets: p.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: minorToDecimal(b.valueMinor, b.currency),
      currency: b.currency,
    })),
    transactions: p.transactions.map((x) => ({
      type: x.type,
      date: x.date,
      amount: minorToDecimal(x.valueMinor, x.currency),
      currency: x.currency,
      description: x.description,
      providerOrg: x.providerOrg,
      receiverOrg: x.receiverOrg,
    })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);
const pct = (n: number | string) => (n === '' || n === null ? null : Number(n));
/** An amount the contract will refuse (a fraction) when the text is not a valid amount. */
const minor = (text: string, currency: string) => decimalToMinor(text, currency) ?? Number.NaN;

/** Form values → request shape (checked by ZProjectInput and the domain rules before sending). */
export function projectValuesToInput(v: ProjectFormValues): unknown {
  return {
    code: v.code.trim(),
    parentId: orNull(v.parentId),
    type: v.type,
    baseLocation: orNull(v.baseLocation),
    title: compactLocalized(v.title),
    description: compactLocalized(v.description),
    status: v.status,
    plannedStart: orNull(v.plannedStart),
    plannedEnd: orNull(v.plannedEnd),
    actualStart: orNull(v.actualStart),
    actualEnd: orNull(v.actualEnd),
    defaultCurrency: v.defaultCurrency,
    responsibleUserId: orNull(v.responsibleUserId),
    participants: v.participants.map((p) => ({
      partnerId: p.partnerId === OWN_COLLEGE ? null : p.partnerId,
      role: p.role,
    })),
    countries: v.countries.map((c) => ({ country: c.key, percentage: pct(c.percentage) })),
    sectors: v.sectors.map((s) => ({ vocabulary: '1', code: s.key, percentage: pct(s.percentage) })),
    agreementIds: v.agreementIds,
    budgets: v.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      valueMinor: minor(b.amount, b.currency),
      currency: b.currency,
      valueDate: null,
    })),
    transactions: v.transactions.map((x) => ({
      type: x.type,
      date: x.date,
      valueMinor: minor(x.amount, x.currency),
      currency: x.currency,
      description: x.description,
      providerOrg: x.providerOrg,
      receiverOrg: x.receiverOrg,
    })),
  };
}
