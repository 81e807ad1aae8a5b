/**
 * Projects ↔ IATI activities: what the platform publishes for a cooperation project and what it
 * keeps of an imported activity.
 *
 * Export (projectToIatiActivity): a project, its participants (the college itself and partners with
 * their IATI org ids and OrganisationType), countries, DAC sectors, budgets, transactions and its
 * results framework (results → indicators → baseline → periods with targets and actuals, breakdowns
 * as dimensioned values) become one IatiActivity, with one narrative per language the project has
 * ('zh-CN' → 'zh'). What the model cannot say becomes a problem (a result without indicators is left
 * out with a warning; a project without any participating organisation is an error).
 *
 * Import (activityToProjectPlan): an IatiActivity becomes the IATI-shaped fields of a project input,
 * the participants to link or create, the results framework, and the parts the project model has no
 * place for (`IatiExtras`, kept beside the project and written back on export). Values the project
 * rules would reject are left out or adjusted with a warning; only what makes a project impossible
 * (no title, no start date, an end before the start) is an error.
 *
 * Not mapped (reported as warnings on import, see NOT_IMPORTED): recipient regions, sectors of
 * vocabularies other than DAC 5-digit, descriptions of types 2–4, other identifiers, contact
 * details, activity scope, locations, policy markers, planned disbursements, capital spend,
 * document links, related activities, conditions, humanitarian scopes, transaction sectors and
 * countries, indicator references other than the reporting organisation's own (vocabulary 99),
 * more than one baseline per indicator, document links on results. The original reporting
 * organisation is replaced by the college on export (it stays a participating organisation when
 * the file listed it as one).
 *
 * Pure: no I/O, no clock.
 */
import { z } from 'zod';
import type { TPartnerInput } from '../../contracts/partners.js';
import {
  PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type TBudgetInput,
  type TProjectInput,
  TRANSACTION_TYPES,
  type TTransactionInput,
} from '../../contracts/projects.js';
import {
  type TIndicatorInput,
  type TPeriodInput,
  type TResultInput,
  ZIndicatorInput,
  ZPeriodInput,
  ZResultInput,
} from '../../contracts/results-frameworks.js';
import {
  IATI_INDICATOR_MEASURE_CODE,
  IATI_RESULT_TYPE_CODE,
  indicatorMeasureFromIatiCode,
  resultTypeFromIatiCode,
} from '../evaluation/results-framework.js';
import { ORGANISATION_TYPE_LABELS } from '../partners/partner-import.js';
import { isDacSectorCode } from '../projects/dac-sectors.js';
import { budgetPeriodTooLong, percentageIssues } from '../projects/project-rules.js';
import {
  ACTIVITY_DATE_TYPE,
  activityDate,
  emptyIatiActivity,
  type IatiActivity,
  type IatiAidType,
  type IatiIndicator,
  type IatiNarrative,
  type IatiParticipatingOrg,
  type IatiPeriodValue,
  type IatiResult,
  type IatiTag,
  type IatiText,
  iatiIdentifier,
  recordToNarratives,
} from './activity.js';
import { checkActivityCodes, type IatiProblem, isCountryCode, toIatiLanguage } from './codelists.js';
import { formatIatiDecimal } from './money.js';
import { checkActivityRules, looksLikeOrgId } from './rules.js';

// ---------------------------------------------------------------------------------------------
// Languages

/** IATI Language code → the platform's language tag ('zh' → 'zh-CN'; the others are the same). */
export function fromIatiLanguage(lang: string): string {
  return lang === 'zh' ? 'zh-CN' : lang;
}

/** Narratives as a record by platform language tag; untagged ones go under `fallbackLang`. */
export function narrativesToPlatformText(narratives: IatiText, fallbackLang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of narratives) {
    const tag = fromIatiLanguage(n.lang ?? fallbackLang);
    const text = n.text.trim();
    if (text !== '' && !(tag in out)) {
      out[tag] = text;
    }
  }
  return out;
}

/** The first non-empty narrative, preferring the default language. */
function firstText(narratives: IatiText, defaultLang: string | null): string {
  const preferred = narratives.find((n) => (n.lang ?? defaultLang) === defaultLang && n.text.trim() !== '');
  return (preferred ?? narratives.find((n) => n.text.trim() !== ''))?.text.trim() ?? '';
}

// ---------------------------------------------------------------------------------------------
// What the project model does not hold

/** Activity-level parts of an imported activity that the project model has no place for. They
 * are kept beside the project and written back on export, so that a re-export loses nothing the
 * college did not change. */
export interface IatiExtras {
  /** Participating organisations kept as names only (no org-id the platform can link). */
  participants: IatiParticipatingOrg[];
  collaborationType: string | null;
  defaultFlowType: string | null;
  defaultFinanceType: string | null;
  defaultAidTypes: IatiAidType[];
  defaultTiedStatus: string | null;
  tags: IatiTag[];
}

export function emptyIatiExtras(): IatiExtras {
  return {
    participants: [],
    collaborationType: null,
    defaultFlowType: null,
    defaultFinanceType: null,
    defaultAidTypes: [],
    defaultTiedStatus: null,
    tags: [],
  };
}

const ZNarratives = z.array(z.object({ lang: z.string().nullable(), text: z.string() }));
const ZExtras = z.object({
  participants: z
    .array(
      z.object({
        role: z.string(),
        ref: z.string().nullable(),
        type: z.string().nullable(),
        activityId: z.string().nullable(),
        narratives: ZNarratives,
      }),
    )
    .default([]),
  collaborationType: z.string().nullable().default(null),
  defaultFlowType: z.string().nullable().default(null),
  defaultFinanceType: z.string().nullable().default(null),
  defaultAidTypes: z.array(z.object({ code: z.string(), vocabulary: z.string().nullable() })).default([]),
  defaultTiedStatus: z.string().nullable().default(null),
  tags: z
    .array(
      z.object({
        vocabulary: z.string(),
        vocabularyUri: z.string().nullable(),
        code: z.string(),
        narratives: ZNarratives,
      }),
    )
    .default([]),
});

/** Stored extras (JSON) back as IatiExtras; anything unreadable counts as empty. */
export function parseIatiExtras(value: unknown): IatiExtras {
  const parsed = ZExtras.safeParse(value);
  return parsed.success ? parsed.data : emptyIatiExtras();
}

// ---------------------------------------------------------------------------------------------
// Results framework, as the results-frameworks module takes and gives it

export interface IndicatorTree {
  indicator: TIndicatorInput;
  periods: TPeriodInput[];
}

export interface ResultTree {
  result: TResultInput;
  indicators: IndicatorTree[];
}

// ---------------------------------------------------------------------------------------------
// Export

export interface IatiPublisher {
  /** organizations.iati_org_id */
  orgId: string;
  name: string;
  /** OrganisationType code of the college. */
  type: string;
}

export interface ExportParticipant {
  role: string;
  /** null: the college itself. */
  partner: { names: Record<string, string>; type: string; iatiRef: string | null } | null;
}

export interface ExportProject {
  id: string;
  code: string;
  title: Record<string, string>;
  description: Record<string, string>;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  defaultCurrency: string;
  updatedAt: string;
  /** IATI identifier of the parent programme, when the project has one. */
  parentIdentifier: string | null;
  /** IATI identifiers of the sub-projects. */
  childIdentifiers: string[];
  participants: ExportParticipant[];
  countries: { country: string; percentage: number | null }[];
  sectors: { vocabulary: string; code: string; percentage: number | null }[];
  budgets: TBudgetInput[];
  transactions: TTransactionInput[];
  results: ResultTree[];
  /** The IATI identifier kept from an import (else org-id + code), and the kept extras. */
  link: { identifier: string; extras: IatiExtras } | null;
}

/** The identifier a project is published under. */
export function exportIdentifier(
  project: Pick<ExportProject, 'code' | 'link'>,
  publisherOrgId: string,
): string {
  return project.link?.identifier ?? iatiIdentifier(publisherOrgId, project.code);
}

/** The activity's default language: English when the title has it, else the title's first. */
function defaultLanguageOf(title: Record<string, string>): string | null {
  const tags = Object.keys(title).filter((k) => (title[k] ?? '').trim() !== '');
  const first = tags.includes('en') ? 'en' : tags[0];
  return first === undefined ? null : (toIatiLanguage(first) ?? first);
}

const plain = (text: string): IatiText => (text.trim() === '' ? [] : [{ lang: null, text: text.trim() }]);

const decimal = (value: number | null): string | null => (value === null ? null : formatIatiDecimal(value));

function periodValues(
  v: {
    value: number | null;
    comment: Record<string, string>;
    breakdown: TPeriodInput['target']['breakdown'];
  },
  qualitative: boolean,
): IatiPeriodValue[] {
  const out: IatiPeriodValue[] = [];
  const comment = recordToNarratives(v.comment);
  if (v.value !== null || comment.length > 0 || qualitative) {
    out.push({ value: decimal(v.value), dimensions: [], comment, documentLinks: [] });
  }
  for (const b of v.breakdown) {
    out.push({
      value: decimal(b.value),
      dimensions: b.dimensions.map((d) => ({ name: d.name, value: d.value })),
      comment: [],
      documentLinks: [],
    });
  }
  return out;
}

function indicatorToIati(tree: IndicatorTree): IatiIndicator {
  const ind = tree.indicator;
  const qualitative = ind.measure === 'qualitative';
  return {
    measure: String(IATI_INDICATOR_MEASURE_CODE[ind.measure]),
    ascending: ind.measure === 'qualitative' || ind.measure === 'nominal' ? null : ind.ascending,
    aggregationStatus: null,
    title: recordToNarratives(ind.title),
    description: recordToNarratives(ind.description),
    documentLinks: [],
    references: ind.code ? [{ vocabulary: '99', code: ind.code, indicatorUri: null }] : [],
    baselines: ind.baseline
      ? [
          {
            year: ind.baseline.year,
            isoDate: ind.baseline.isoDate,
            value: decimal(ind.baseline.value),
            dimensions: [],
            documentLinks: [],
            comment: recordToNarratives(ind.baseline.comment),
          },
        ]
      : [],
    periods: tree.periods.map((p) => ({
      periodStart: p.start,
      periodEnd: p.end,
      targets: periodValues(p.target, false),
      actuals: p.actual ? periodValues(p.actual, qualitative) : [],
    })),
  };
}

export interface ExportMapping {
  activity: IatiActivity;
  /** Mapping findings, and the codelist and ruleset checks of the activity. */
  problems: IatiProblem[];
}

/**
 * The IATI activity of one project, with every problem found before the XSD check (which the
 * caller runs on the whole document).
 */
export function projectToIatiActivity(project: ExportProject, publisher: IatiPublisher): ExportMapping {
  const problems: IatiProblem[] = [];
  const base = 'iati-activity';
  const identifier = exportIdentifier(project, publisher.orgId);
  const extras = project.link?.extras ?? emptyIatiExtras();
  const ownNarratives = plain(publisher.name);

  const participatingOrgs: IatiParticipatingOrg[] = [
    ...project.participants.map(
      (p): IatiParticipatingOrg =>
        p.partner === null
          ? {
              role: p.role,
              ref: publisher.orgId,
              type: publisher.type,
              activityId: null,
              narratives: ownNarratives,
            }
          : {
              role: p.role,
              ref: p.partner.iatiRef,
              type: p.partner.type,
              activityId: null,
              narratives: recordToNarratives(p.partner.names),
            },
    ),
    ...extras.participants,
  ];
  if (participatingOrgs.length === 0) {
    problems.push({
      path: `${base}/participating-org`,
      code: 'no_participating_org',
      severity: 'error',
      message:
        'IATI requires at least one participating organisation: add the college or a partner with a role',
    });
  }

  const results: IatiResult[] = [];
  project.results.forEach((tree, i) => {
    if (tree.indicators.length === 0) {
      problems.push({
        path: `${base}/result[${i + 1}]`,
        code: 'result_without_indicators',
        severity: 'warning',
        message: 'A result without indicators cannot be published in IATI; it is left out of the file',
      });
      return;
    }
    results.push({
      type: String(IATI_RESULT_TYPE_CODE[tree.result.type]),
      aggregationStatus: tree.result.aggregationStatus,
      title: recordToNarratives(tree.result.title),
      description: recordToNarratives(tree.result.description),
      documentLinks: [],
      indicators: tree.indicators.map(indicatorToIati),
    });
  });

  const dates = (
    [
      ['plannedStart', project.plannedStart],
      ['actualStart', project.actualStart],
      ['plannedEnd', project.plannedEnd],
      ['actualEnd', project.actualEnd],
    ] as const
  )
    .filter((d): d is readonly [keyof typeof ACTIVITY_DATE_TYPE, string] => d[1] !== null)
    .map(([key, isoDate]) => ({ type: ACTIVITY_DATE_TYPE[key], isoDate, narratives: [] }))
    .sort((a, b) => Number(a.type) - Number(b.type));

  const activity: IatiActivity = {
    ...emptyIatiActivity(identifier),
    defaultLanguage: defaultLanguageOf(project.title),
    defaultCurrency: project.defaultCurrency,
    lastUpdatedDatetime: project.updatedAt,
    hierarchy: project.parentIdentifier ? 2 : 1,
    reportingOrg: {
      ref: publisher.orgId,
      type: publisher.type,
      // Publishing an activity first published by another organisation (kept identifier).
      secondaryReporter: identifier.startsWith(`${publisher.orgId}-`) ? null : true,
      narratives: ownNarratives,
    },
    title: recordToNarratives(project.title),
    descriptions: Object.keys(project.description).some((k) => (project.description[k] ?? '').trim() !== '')
      ? [{ type: '1', narratives: recordToNarratives(project.description) }]
      : [],
    participatingOrgs,
    status: project.status,
    dates,
    recipientCountries: project.countries.map((c) => ({
      code: c.country,
      percentage: c.percentage,
      narratives: [],
    })),
    sectors: project.sectors.map((s) => ({
      vocabulary: s.vocabulary,
      vocabularyUri: null,
      code: s.code,
      percentage: s.percentage,
      narratives: [],
    })),
    tags: extras.tags,
    collaborationType: extras.collaborationType,
    defaultFlowType: extras.defaultFlowType,
    defaultFinanceType: extras.defaultFinanceType,
    defaultAidTypes: extras.defaultAidTypes,
    defaultTiedStatus: extras.defaultTiedStatus,
    budgets: project.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      value: { valueMinor: b.valueMinor, currency: b.currency, valueDate: b.valueDate ?? b.periodStart },
    })),
    transactions: project.transactions.map((t) => ({
      ref: null,
      type: t.type,
      date: t.date,
      value: { valueMinor: t.valueMinor, currency: t.currency, valueDate: t.date },
      description: plain(t.description),
      providerOrg: t.providerOrg
        ? { ref: null, type: null, activityId: null, narratives: plain(t.providerOrg) }
        : null,
      receiverOrg: t.receiverOrg
        ? { ref: null, type: null, activityId: null, narratives: plain(t.receiverOrg) }
        : null,
    })),
    relatedActivities: [
      ...(project.parentIdentifier ? [{ ref: project.parentIdentifier, type: '1' }] : []),
      ...project.childIdentifiers.map((ref) => ({ ref, type: '2' })),
    ],
    results,
  };
  if (activity.descriptions.length === 0) {
    problems.push({
      path: `${base}/description`,
      code: 'description_required',
      severity: 'error',
      message: 'IATI requires a description: add one to the project in at least one language',
    });
  }
  if (activity.title.length === 0) {
    problems.push({
      path: `${base}/title`,
      code: 'title_required',
      severity: 'error',
      message: 'The project has no title in any language',
    });
  }
  problems.push(...checkActivityCodes(activity, { base }), ...checkActivityRules(activity, { base }));
  return { activity, problems };
}

// ---------------------------------------------------------------------------------------------
// Import

export type ParticipantPlan =
  | { kind: 'own'; role: string; name: string; ref: string }
  | { kind: 'partner'; role: string; name: string; ref: string; partnerId: string }
  | { kind: 'new_partner'; role: string; name: string; ref: string; partner: TPartnerInput };

export interface ImportContext {
  /** The college's own org-id, when set. */
  ownOrgId: string | null;
  /** Partner ids by normalised IATI org ref (trimmed, lower case). */
  partnerIdsByRef: ReadonlyMap<string, string>;
  /** Where the activity sits in the file, e.g. '/iati-activities/iati-activity[2]'. */
  path: string;
  /** Source paths of the parsed model objects (parseIatiActivities), for precise warnings. */
  sourcePaths?: WeakMap<object, string>;
}

/** The IATI-shaped fields of a project input (the rest comes from the existing project or defaults). */
export type ImportedProjectFields = Pick<
  TProjectInput,
  | 'title'
  | 'description'
  | 'status'
  | 'plannedStart'
  | 'plannedEnd'
  | 'actualStart'
  | 'actualEnd'
  | 'defaultCurrency'
  | 'countries'
  | 'sectors'
  | 'budgets'
  | 'transactions'
>;

export interface ImportPlan {
  identifier: string;
  /** A project code for a new project, derived from the identifier (the caller makes it unique). */
  suggestedCode: string;
  fields: ImportedProjectFields;
  participants: ParticipantPlan[];
  extras: IatiExtras;
  results: ResultTree[];
  warnings: IatiProblem[];
  errors: IatiProblem[];
}

/** Elements the reader keeps in the model but the project has no place for (warned when present). */
const NOT_IMPORTED: readonly [keyof IatiActivity, string][] = [
  ['recipientRegions', 'recipient-region'],
  ['otherIdentifiers', 'other-identifier'],
  ['contacts', 'contact-info'],
  ['documentLinks', 'document-link'],
  ['relatedActivities', 'related-activity'],
];

export const normaliseOrgRef = (ref: string): string => ref.trim().toLowerCase();

/** A project code from an IATI identifier: the part after the publisher's org-id, without spaces
 * or characters a project code may not hold, at most 50 characters. */
export function codeFromIdentifier(identifier: string, prefixes: readonly (string | null)[]): string {
  let local = identifier.trim();
  for (const prefix of prefixes) {
    if (prefix && local.startsWith(`${prefix}-`) && local.length > prefix.length + 1) {
      local = local.slice(prefix.length + 1);
      break;
    }
  }
  const cleaned = local
    .replace(/\s+/g, '')
    .replace(/[^A-Za-z0-9._/-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned || 'IATI').slice(0, 50);
}

function truncate(text: string, max: number): { text: string; cut: boolean } {
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The project, participants, results and extras an activity becomes, with warnings for what was
 * adjusted or left out and errors for what makes the project impossible.
 */
export function activityToProjectPlan(activity: IatiActivity, ctx: ImportContext): ImportPlan {
  const warnings: IatiProblem[] = [];
  const errors: IatiProblem[] = [];
  const base = ctx.path;
  const where = (obj: object, computed: string) => ctx.sourcePaths?.get(obj) ?? computed;
  const warn = (path: string, code: string, message: string, value?: string) =>
    warnings.push({ path, code, severity: 'warning', message, ...(value === undefined ? {} : { value }) });
  const fail = (path: string, code: string, message: string, value?: string) =>
    errors.push({ path, code, severity: 'error', message, ...(value === undefined ? {} : { value }) });
  const lang = activity.defaultLanguage ?? 'en';
  const text = (narratives: IatiText) => narrativesToPlatformText(narratives, lang);

  // Title and description
  const title: Record<string, string> = {};
  for (const [tag, value] of Object.entries(text(activity.title))) {
    const t = truncate(value, 2000);
    if (t.cut) {
      warn(`${base}/title`, 'text_truncated', `The ${tag} title was cut to 2000 characters`, tag);
    }
    title[tag] = t.text;
  }
  if (Object.keys(title).length === 0) {
    fail(`${base}/title`, 'title_required', 'The activity has no title narrative');
  }
  const description: Record<string, string> = {};
  activity.descriptions.forEach((d, i) => {
    const path = where(d, `${base}/description[${i + 1}]`);
    if ((d.type ?? '1') !== '1') {
      warn(
        path,
        'description_type_not_imported',
        `Descriptions of type ${d.type} are not kept`,
        d.type ?? '',
      );
      return;
    }
    for (const [tag, value] of Object.entries(text(d.narratives))) {
      if (tag in description) {
        continue;
      }
      const t = truncate(value, 10000);
      if (t.cut) {
        warn(path, 'text_truncated', `The ${tag} description was cut to 10000 characters`, tag);
      }
      description[tag] = t.text;
    }
  });

  // Status and dates
  let status = activity.status ?? '';
  if (!(PROJECT_STATUSES as readonly string[]).includes(status)) {
    warn(
      `${base}/activity-status`,
      'status_defaulted',
      'The activity status is missing or unknown; the project is imported as pipeline (1)',
      status,
    );
    status = '1';
  }
  const plannedStart = activityDate(activity, ACTIVITY_DATE_TYPE.plannedStart);
  const actualStart = activityDate(activity, ACTIVITY_DATE_TYPE.actualStart);
  const plannedEnd = activityDate(activity, ACTIVITY_DATE_TYPE.plannedEnd);
  const actualEnd = activityDate(activity, ACTIVITY_DATE_TYPE.actualEnd);
  if (!plannedStart && !actualStart) {
    fail(
      `${base}/activity-date`,
      'start_date_required',
      'The activity has neither a planned nor an actual start date',
    );
  }
  if (actualEnd && !actualStart) {
    fail(
      `${base}/activity-date`,
      'start_date_required',
      'The activity has an actual end but no actual start',
    );
  }
  if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
    fail(
      `${base}/activity-date`,
      'end_before_start',
      'The planned end is before the planned start',
      plannedEnd,
    );
  }
  if (actualStart && actualEnd && actualEnd < actualStart) {
    fail(`${base}/activity-date`, 'end_before_start', 'The actual end is before the actual start', actualEnd);
  }

  // Currency
  const currencyOk = (c: string | null | undefined): c is string =>
    typeof c === 'string' && /^[A-Z]{3}$/.test(c);
  const defaultCurrency = currencyOk(activity.defaultCurrency)
    ? activity.defaultCurrency
    : (activity.budgets.map((b) => b.value.currency).find(currencyOk) ??
      activity.transactions.map((t) => t.value.currency).find(currencyOk) ??
      'CNY');

  // Participants
  const extras = emptyIatiExtras();
  const participants: ParticipantPlan[] = [];
  const seen = new Set<string>();
  activity.participatingOrgs.forEach((p, i) => {
    const path = where(p, `${base}/participating-org[${i + 1}]`);
    const name = firstText(p.narratives, activity.defaultLanguage) || (p.ref ?? '');
    const ref = p.ref?.trim() || null;
    if (!(PARTICIPANT_ROLES as readonly string[]).includes(p.role)) {
      warn(
        `${path}/@role`,
        'participant_not_imported',
        `Unknown organisation role '${p.role}'; left out`,
        p.role,
      );
      return;
    }
    const key = (id: string) => `${id}|${p.role}`;
    if (ref && ctx.ownOrgId && normaliseOrgRef(ref) === normaliseOrgRef(ctx.ownOrgId)) {
      if (!seen.has(key('own'))) {
        seen.add(key('own'));
        participants.push({ kind: 'own', role: p.role, name, ref });
      }
      return;
    }
    const partnerId = ref ? ctx.partnerIdsByRef.get(normaliseOrgRef(ref)) : undefined;
    if (ref && partnerId) {
      if (!seen.has(key(partnerId))) {
        seen.add(key(partnerId));
        participants.push({ kind: 'partner', role: p.role, name, ref, partnerId });
      }
      return;
    }
    const country = ref?.slice(0, 2) ?? '';
    if (ref && looksLikeOrgId(ref) && isCountryCode(country) && name !== '') {
      const newKey = key(`new:${normaliseOrgRef(ref)}`);
      if (seen.has(newKey)) {
        return;
      }
      seen.add(newKey);
      const names = text(p.narratives);
      const english = names.en ?? name;
      const type = p.type && p.type in ORGANISATION_TYPE_LABELS ? p.type : '90';
      if (type !== p.type) {
        warn(
          `${path}/@type`,
          'organisation_type_defaulted',
          'No known organisation type; the new partner is Other (90)',
          p.type ?? '',
        );
      }
      participants.push({
        kind: 'new_partner',
        role: p.role,
        name,
        ref,
        partner: {
          names: { ...names, en: truncate(english, 2000).text },
          nativeName: '',
          country,
          city: '',
          type: type as TPartnerInput['type'],
          identifiers: [{ scheme: 'iati', value: ref }],
          website: '',
          networkIds: [],
          tags: [],
          notes: '',
          contacts: [],
        },
      });
      return;
    }
    // No org-id the platform can link: kept as it is, written back on export.
    extras.participants.push(p);
    warn(
      path,
      'participant_kept_as_narrative',
      ref
        ? `'${ref}' is not an org-id the platform can link to a partner; the organisation is kept by name`
        : 'The organisation has no org-id; it is kept by name',
      ref ?? name,
    );
  });
  const linked = participants.length;
  if (linked > 30) {
    warn(
      `${base}/participating-org`,
      'too_many_items',
      'Only the first 30 linked participating organisations are kept',
      String(linked),
    );
    participants.splice(30);
  }

  // Countries
  let countries = activity.recipientCountries
    .filter((c, i) => {
      if (!isCountryCode(c.code)) {
        warn(
          where(c, `${base}/recipient-country[${i + 1}]`),
          'country_not_imported',
          `'${c.code}' is not a country code; left out`,
          c.code,
        );
        return false;
      }
      return true;
    })
    .filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i)
    .slice(0, 60)
    .map((c) => ({ country: c.code, percentage: c.percentage }));
  if (percentageIssues(countries, 'countries').length > 0) {
    warn(
      `${base}/recipient-country`,
      'percentages_dropped',
      'The country percentages do not total 100 (or some are missing); they are left out',
    );
    countries = countries.map((c) => ({ ...c, percentage: null }));
  }

  // Sectors: DAC 5-digit only
  let sectors = activity.sectors
    .filter((s, i) => {
      const path = where(s, `${base}/sector[${i + 1}]`);
      if ((s.vocabulary ?? '1') !== '1') {
        warn(
          path,
          'sector_vocabulary_not_imported',
          `Sectors of vocabulary ${s.vocabulary} are not kept`,
          s.code,
        );
        return false;
      }
      if (!isDacSectorCode(s.code)) {
        warn(
          path,
          'sector_not_imported',
          `'${s.code}' is not a DAC 5-digit purpose code known here; left out`,
          s.code,
        );
        return false;
      }
      return true;
    })
    .filter((s, i, all) => all.findIndex((x) => x.code === s.code) === i)
    .slice(0, 20)
    .map((s) => ({ vocabulary: '1' as const, code: s.code, percentage: s.percentage }));
  if (percentageIssues(sectors, 'sectors').length > 0) {
    warn(
      `${base}/sector`,
      'percentages_dropped',
      'The sector percentages do not total 100 (or some are missing); they are left out',
    );
    sectors = sectors.map((s) => ({ ...s, percentage: null }));
  }

  // Budgets and transactions
  const budgets: TBudgetInput[] = [];
  activity.budgets.forEach((b, i) => {
    const path = where(b, `${base}/budget[${i + 1}]`);
    if (b.periodEnd < b.periodStart || budgetPeriodTooLong(b.periodStart, b.periodEnd)) {
      warn(
        path,
        'budget_not_imported',
        'The budget period is reversed or longer than one year; the budget is left out',
      );
      return;
    }
    if (!currencyOk(b.value.currency)) {
      warn(
        `${path}/value`,
        'budget_not_imported',
        'The budget has no valid currency; it is left out',
        b.value.currency,
      );
      return;
    }
    budgets.push({
      type: b.type === '2' ? '2' : '1',
      status: b.status === '2' ? '2' : '1',
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      valueMinor: b.value.valueMinor,
      currency: b.value.currency,
      valueDate: b.value.valueDate,
    });
  });
  if (budgets.length > 60) {
    warn(`${base}/budget`, 'too_many_items', 'Only the first 60 budgets are kept', String(budgets.length));
    budgets.splice(60);
  }
  const transactions: TTransactionInput[] = [];
  activity.transactions.forEach((t, i) => {
    const path = where(t, `${base}/transaction[${i + 1}]`);
    if (!(TRANSACTION_TYPES as readonly string[]).includes(t.type) || !currencyOk(t.value.currency)) {
      warn(
        path,
        'transaction_not_imported',
        'The transaction type or currency is not usable; the transaction is left out',
        t.type,
      );
      return;
    }
    const orgName = (o: typeof t.providerOrg) =>
      o ? truncate(firstText(o.narratives, activity.defaultLanguage) || (o.ref ?? ''), 200).text : '';
    transactions.push({
      type: t.type as TTransactionInput['type'],
      date: t.date,
      valueMinor: t.value.valueMinor,
      currency: t.value.currency,
      description: truncate(firstText(t.description, activity.defaultLanguage), 500).text,
      providerOrg: orgName(t.providerOrg),
      receiverOrg: orgName(t.receiverOrg),
    });
  });
  if (transactions.length > 500) {
    warn(
      `${base}/transaction`,
      'too_many_items',
      'Only the first 500 transactions are kept',
      String(transactions.length),
    );
    transactions.splice(500);
  }

  // Extras and what is not kept
  extras.collaborationType = activity.collaborationType;
  extras.defaultFlowType = activity.defaultFlowType;
  extras.defaultFinanceType = activity.defaultFinanceType;
  extras.defaultAidTypes = activity.defaultAidTypes;
  extras.defaultTiedStatus = activity.defaultTiedStatus;
  extras.tags = activity.tags;
  for (const [field, element] of NOT_IMPORTED) {
    const items = activity[field];
    if (Array.isArray(items) && items.length > 0) {
      warn(
        `${base}/${element}`,
        'element_not_kept',
        `The project has no place for ${element}; it is not kept`,
        element,
      );
    }
  }

  // Results
  const results = activity.results
    .map((r, i) => resultTree(r, where(r, `${base}/result[${i + 1}]`), lang, where, warn))
    .filter((r): r is ResultTree => r !== null);

  return {
    identifier: activity.identifier,
    suggestedCode: codeFromIdentifier(activity.identifier, [
      ctx.ownOrgId,
      activity.reportingOrg?.ref ?? null,
    ]),
    fields: {
      title,
      description,
      status: status as TProjectInput['status'],
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      defaultCurrency,
      countries,
      sectors,
      budgets,
      transactions,
    },
    participants,
    extras,
    results,
    warnings,
    errors,
  };
}

type Warn = (path: string, code: string, message: string, value?: string) => void;

function resultTree(
  r: IatiResult,
  path: string,
  lang: string,
  where: (obj: object, computed: string) => string,
  warn: Warn,
): ResultTree | null {
  const text = (n: IatiText) => narrativesToPlatformText(n, lang);
  const type = resultTypeFromIatiCode(r.type) ?? 'other';
  if (type === 'other' && r.type !== '9') {
    warn(
      `${path}/@type`,
      'result_type_defaulted',
      `Unknown result type '${r.type}'; imported as other`,
      r.type,
    );
  }
  const result = ZResultInput.safeParse({
    type,
    title: text(r.title),
    description: text(r.description),
    aggregationStatus: r.aggregationStatus ?? false,
  });
  if (!result.success) {
    warn(path, 'result_not_imported', 'The result has no usable title; it is left out');
    return null;
  }
  const indicators = r.indicators
    .map((ind, i) => indicatorTree(ind, where(ind, `${path}/indicator[${i + 1}]`), lang, where, warn))
    .filter((x): x is IndicatorTree => x !== null);
  return { result: result.data, indicators };
}

function numberOf(value: string | null, path: string, warn: Warn): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  if (!NUMBER_RE.test(value.trim())) {
    warn(path, 'value_not_numeric', `'${value}' is not a number; left empty`, value);
    return null;
  }
  return Number(value.trim());
}

const DIMENSION_NAME_RE = /^[a-z][a-z0-9_]{0,39}$/;

function dimensionName(name: string): string | null {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return DIMENSION_NAME_RE.test(n) ? n : null;
}

function indicatorTree(
  ind: IatiIndicator,
  path: string,
  lang: string,
  where: (obj: object, computed: string) => string,
  warn: Warn,
): IndicatorTree | null {
  const text = (n: IatiText) => narrativesToPlatformText(n, lang);
  const measure = indicatorMeasureFromIatiCode(ind.measure);
  if (!measure) {
    warn(
      `${path}/@measure`,
      'indicator_not_imported',
      `Unknown indicator measure '${ind.measure}'; the indicator is left out`,
      ind.measure,
    );
    return null;
  }
  const qualitative = measure === 'qualitative';
  const own = ind.references.find((r) => r.vocabulary === '99');
  if (ind.references.some((r) => r.vocabulary !== '99')) {
    warn(
      `${path}/reference`,
      'element_not_kept',
      'Indicator references other than the reporting organisation’s own are not kept',
      'reference',
    );
  }
  if (ind.baselines.length > 1) {
    warn(
      `${path}/baseline`,
      'extra_baselines_ignored',
      'Only the first baseline of an indicator is kept',
      String(ind.baselines.length),
    );
  }
  const dimensionNames = new Set<string>();
  /** A qualitative value is text: it becomes the comment in the default language. */
  const commentWith = (comment: IatiText, value: string | null) => {
    const c = text(comment);
    if (qualitative && value && value.trim() !== '') {
      const tag = fromIatiLanguage(lang);
      c[tag] = c[tag] ? `${value.trim()} — ${c[tag]}` : value.trim();
    }
    return c;
  };
  const b = ind.baselines[0];
  const baseline = b
    ? {
        year: b.year,
        isoDate: b.isoDate,
        value: qualitative ? null : numberOf(b.value, `${where(b, `${path}/baseline[1]`)}/@value`, warn),
        comment: commentWith(b.comment, b.value),
      }
    : null;
  const values = (list: IatiPeriodValue[], vPath: string) => {
    const overall = list.find((v) => v.dimensions.length === 0);
    const breakdown = list
      .filter((v) => v.dimensions.length > 0)
      .map((v) => {
        const dims = v.dimensions.map((d) => ({
          name: dimensionName(d.name),
          value: d.value.trim().slice(0, 60),
        }));
        if (dims.some((d) => d.name === null || d.value === '') || dims.length > 5) {
          warn(
            vPath,
            'dimension_not_imported',
            'A disaggregated value with an unusable dimension is left out',
          );
          return null;
        }
        for (const d of dims) {
          dimensionNames.add(d.name as string);
        }
        return {
          dimensions: dims as { name: string; value: string }[],
          value: qualitative ? null : numberOf(v.value, `${vPath}/@value`, warn),
        };
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    return {
      value: overall && !qualitative ? numberOf(overall.value, `${vPath}/@value`, warn) : null,
      comment: overall ? commentWith(overall.comment, overall.value) : {},
      breakdown,
    };
  };
  const periods: TPeriodInput[] = [];
  ind.periods.forEach((p, i) => {
    const pPath = where(p, `${path}/period[${i + 1}]`);
    const parsed = ZPeriodInput.safeParse({
      start: p.periodStart,
      end: p.periodEnd,
      target: values(p.targets, `${pPath}/target`),
      actual: p.actuals.length > 0 ? values(p.actuals, `${pPath}/actual`) : null,
    });
    if (!parsed.success) {
      warn(pPath, 'period_not_imported', 'The period is not usable (dates or values); it is left out');
      return;
    }
    if (periods.some((o) => o.start <= parsed.data.end && parsed.data.start <= o.end)) {
      warn(
        pPath,
        'period_not_imported',
        'The period overlaps an earlier period of the indicator; it is left out',
      );
      return;
    }
    periods.push(parsed.data);
  });
  const parsed = ZIndicatorInput.safeParse({
    code: own ? own.code.slice(0, 50) : null,
    title: text(ind.title),
    description: text(ind.description),
    measure,
    ascending: ind.ascending ?? true,
    baseline,
    disaggregations: [...dimensionNames].slice(0, 10).map((name) => ({ name, values: [] })),
  });
  if (!parsed.success) {
    warn(path, 'indicator_not_imported', 'The indicator has no usable title or baseline; it is left out');
    return null;
  }
  return { indicator: parsed.data, periods };
}

/** The narrative text used to show an organisation in a preview. */
export function narrativeName(narratives: readonly IatiNarrative[], defaultLang: string | null): string {
  return firstText([...narratives], defaultLang);
}
