/**
 * The IATI 2.03 `iati-activity` as a typed value: what the platform writes to an IATI export and
 * reads from an IATI file (versions 2.01 to 2.03).
 *
 * Source: IATI Standard 2.03 activity schema (https://github.com/IATI/IATI-Schemas, branch
 * `version-2.03`, copied in src/server/platform/iati/schemas/2.03) and the element reference at
 * https://iatistandard.org/en/iati-standard/203/activity-standard/. Field names follow the XML
 * (`reporting-org` → reportingOrg); codes stay strings exactly as IATI writes them ('1', 'E01').
 *
 * How it maps onto the projects module (src/contracts/projects.ts):
 * - identifier: `<organizations.iati_org_id>-<projects.code>` (see iatiIdentifier());
 * - title / descriptions[type 1]: projects.title / projects.description, one narrative per
 *   language (platform tags such as 'zh-CN' become IATI codes with toIatiLanguage());
 * - status: projects.status (ActivityStatus code); dates: plannedStart/actualStart/plannedEnd/
 *   actualEnd as ActivityDateType 1/2/3/4;
 * - participatingOrgs: project participants (role = OrganisationRole code), ref = the partner's
 *   'iati' identifier or the college's iati_org_id;
 * - recipientCountries / sectors: countries and sectors with their percentages;
 * - budgets / transactions: money as integer minor units + ISO 4217 currency, exactly like
 *   project_budgets.value_minor / project_transactions.value_minor (converted to and from the IATI
 *   decimal with money.ts, never through floating point);
 * - results: the evaluation module's results framework (result type, indicators, baselines,
 *   periods with targets and actuals).
 *
 * Pure data: no I/O.
 */
import { toIatiLanguage } from './codelists.js';

/** One text in one language. `lang` is an IATI Language code (ISO 639-1, e.g. 'zh'), or null when
 * the text is in the activity's default language and that language is not known. */
export interface IatiNarrative {
  lang: string | null;
  text: string;
}

/** A multilingual text: one narrative per language. */
export type IatiText = IatiNarrative[];

/** Money exactly as the platform keeps it: integer minor units of an ISO 4217 currency. */
export interface IatiMoney {
  /** Integer minor units (cents, fen, fils); the currency's ISO 4217 exponent says how many. */
  valueMinor: number;
  currency: string;
  /** The date used for currency conversion (required by IATI; the period start when unknown). */
  valueDate: string;
}

export interface IatiReportingOrg {
  /** Organisation identifier (org-id), e.g. 'CN-USCI-12440100MB2C00000X'. */
  ref: string;
  /** OrganisationType code, e.g. '80' Academic, Training and Research. */
  type: string | null;
  secondaryReporter: boolean | null;
  narratives: IatiText;
}

export interface IatiParticipatingOrg {
  /** OrganisationRole code: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
  role: string;
  ref: string | null;
  type: string | null;
  activityId: string | null;
  narratives: IatiText;
}

export interface IatiOtherIdentifier {
  ref: string;
  /** OtherIdentifierType code: A1 reporting org's internal id, B1 previous identifier, … */
  type: string;
  ownerOrg: { ref: string | null; narratives: IatiText } | null;
}

export interface IatiDescription {
  /** DescriptionType code: 1 General, 2 Objectives, 3 Target Groups, 4 Other (null: 1). */
  type: string | null;
  narratives: IatiText;
}

export interface IatiActivityDate {
  /** ActivityDateType code: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end. */
  type: string;
  isoDate: string;
  narratives: IatiText;
}

export interface IatiContactInfo {
  /** ContactType code: 1 General Enquiries, 2 Project Management, 3 Financial, 4 Communications. */
  type: string | null;
  organisation: IatiText;
  department: IatiText;
  personName: IatiText;
  jobTitle: IatiText;
  telephones: string[];
  emails: string[];
  websites: string[];
  mailingAddresses: IatiText[];
}

export interface IatiRecipientCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** 0-100, at most two decimals as the platform stores them; null when not given. */
  percentage: number | null;
  narratives: IatiText;
}

export interface IatiRecipientRegion {
  code: string;
  /** RegionVocabulary code: 1 OECD DAC (the default), 2 UN, 99 reporting organisation. */
  vocabulary: string | null;
  vocabularyUri: string | null;
  percentage: number | null;
  narratives: IatiText;
}

export interface IatiSector {
  /** SectorVocabulary code; null means 1 (OECD DAC CRS 5-digit purpose codes). */
  vocabulary: string | null;
  vocabularyUri: string | null;
  code: string;
  percentage: number | null;
  narratives: IatiText;
}

export interface IatiTag {
  /** TagVocabulary code: 2 SDG goal, 3 SDG target, 99 reporting organisation. */
  vocabulary: string;
  vocabularyUri: string | null;
  code: string;
  narratives: IatiText;
}

export interface IatiAidType {
  code: string;
  /** AidTypeVocabulary code; null means 1 (OECD DAC). */
  vocabulary: string | null;
}

export interface IatiBudget {
  /** BudgetType code: 1 Original, 2 Revised (null: IATI's default 1). */
  type: string | null;
  /** BudgetStatus code: 1 Indicative, 2 Committed (null: IATI's default 1). */
  status: string | null;
  periodStart: string;
  periodEnd: string;
  value: IatiMoney;
}

export interface IatiTransactionOrg {
  ref: string | null;
  type: string | null;
  /** provider-activity-id or receiver-activity-id. */
  activityId: string | null;
  narratives: IatiText;
}

export interface IatiTransaction {
  ref: string | null;
  /** TransactionType code: 1 Incoming Funds, 2 Outgoing Commitment, 3 Disbursement, 4 Expenditure… */
  type: string;
  date: string;
  value: IatiMoney;
  description: IatiText;
  providerOrg: IatiTransactionOrg | null;
  receiverOrg: IatiTransactionOrg | null;
}

export interface IatiDocumentLink {
  url: string;
  /** IANA media type, e.g. 'application/pdf' (FileFormat codelist). */
  format: string;
  title: IatiText;
  description: IatiText;
  /** DocumentCategory codes, e.g. 'A09' Memorandum of understanding. At least one for the XSD. */
  categories: string[];
  /** Language codes of the document. */
  languages: string[];
  documentDate: string | null;
}

export interface IatiRelatedActivity {
  ref: string;
  /** RelatedActivityType code: 1 Parent, 2 Child, 3 Sibling, 4 Co-funded, 5 Third party. */
  type: string;
}

/** A disaggregation of a baseline, target or actual value (e.g. name 'sex', value 'female'). */
export interface IatiDimension {
  name: string;
  value: string;
}

export interface IatiBaseline {
  year: number;
  isoDate: string | null;
  /** Kept as written: a decimal for measures 1-4, free text is allowed for 5 (qualitative). */
  value: string | null;
  dimensions: IatiDimension[];
  documentLinks: IatiDocumentLink[];
  comment: IatiText;
}

export interface IatiPeriodValue {
  value: string | null;
  dimensions: IatiDimension[];
  comment: IatiText;
  documentLinks: IatiDocumentLink[];
}

export interface IatiIndicatorPeriod {
  periodStart: string;
  periodEnd: string;
  targets: IatiPeriodValue[];
  actuals: IatiPeriodValue[];
}

export interface IatiIndicatorReference {
  /** IndicatorVocabulary code, e.g. '9' UN SDG indicators, '99' reporting organisation. */
  vocabulary: string;
  code: string;
  indicatorUri: string | null;
}

export interface IatiIndicator {
  /** IndicatorMeasure code: 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal, 5 Qualitative. */
  measure: string;
  ascending: boolean | null;
  aggregationStatus: boolean | null;
  title: IatiText;
  description: IatiText;
  documentLinks: IatiDocumentLink[];
  references: IatiIndicatorReference[];
  baselines: IatiBaseline[];
  periods: IatiIndicatorPeriod[];
}

export interface IatiResult {
  /** ResultType code: 1 Output, 2 Outcome, 3 Impact, 9 Other. */
  type: string;
  aggregationStatus: boolean | null;
  title: IatiText;
  description: IatiText;
  documentLinks: IatiDocumentLink[];
  indicators: IatiIndicator[];
}

export interface IatiActivity {
  identifier: string;
  /** xml:lang of the activity: the language of narratives without their own xml:lang. */
  defaultLanguage: string | null;
  /** ISO 4217 code used for values without their own currency. */
  defaultCurrency: string | null;
  /** xsd:dateTime, e.g. '2025-01-15T09:00:00Z'. */
  lastUpdatedDatetime: string | null;
  /** 1 for a programme, 2 for its sub-activities (e.g. each training cohort). */
  hierarchy: number | null;
  humanitarian: boolean | null;
  reportingOrg: IatiReportingOrg | null;
  title: IatiText;
  descriptions: IatiDescription[];
  participatingOrgs: IatiParticipatingOrg[];
  otherIdentifiers: IatiOtherIdentifier[];
  /** ActivityStatus code: 1 Pipeline, 2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled,
   * 6 Suspended. Required by the XSD; null only for an imported file that lacks it. */
  status: string | null;
  dates: IatiActivityDate[];
  contacts: IatiContactInfo[];
  /** ActivityScope code (1 Global … 8 Single location). */
  activityScope: string | null;
  recipientCountries: IatiRecipientCountry[];
  recipientRegions: IatiRecipientRegion[];
  sectors: IatiSector[];
  tags: IatiTag[];
  /** CollaborationType code, e.g. '1' Bilateral. */
  collaborationType: string | null;
  /** FlowType code, e.g. '10' ODA. */
  defaultFlowType: string | null;
  /** FinanceType code, e.g. '110' Standard grant. */
  defaultFinanceType: string | null;
  /** AidType codes, e.g. E01 Scholarships/training in donor country. */
  defaultAidTypes: IatiAidType[];
  /** TiedStatus code: 3 Partially tied, 4 Tied, 5 Untied. */
  defaultTiedStatus: string | null;
  budgets: IatiBudget[];
  transactions: IatiTransaction[];
  documentLinks: IatiDocumentLink[];
  relatedActivities: IatiRelatedActivity[];
  results: IatiResult[];
}

/** An activity with every optional part empty, to build on: `{ ...emptyIatiActivity(id), … }`. */
export function emptyIatiActivity(identifier: string): IatiActivity {
  return {
    identifier,
    defaultLanguage: null,
    defaultCurrency: null,
    lastUpdatedDatetime: null,
    hierarchy: null,
    humanitarian: null,
    reportingOrg: null,
    title: [],
    descriptions: [],
    participatingOrgs: [],
    otherIdentifiers: [],
    status: null,
    dates: [],
    contacts: [],
    activityScope: null,
    recipientCountries: [],
    recipientRegions: [],
    sectors: [],
    tags: [],
    collaborationType: null,
    defaultFlowType: null,
    defaultFinanceType: null,
    defaultAidTypes: [],
    defaultTiedStatus: null,
    budgets: [],
    transactions: [],
    documentLinks: [],
    relatedActivities: [],
    results: [],
  };
}

/**
 * The activity identifier IATI expects: the reporting organisation's org-id, a hyphen, and the
 * publisher's own code for the activity (`CN-USCI-12440100MB2C00000X` + `GG-2025-001`).
 */
export function iatiIdentifier(reportingOrgRef: string, localCode: string): string {
  return `${reportingOrgRef}-${localCode}`;
}

/** ActivityDateType codes by meaning, as the projects module names its four dates. */
export const ACTIVITY_DATE_TYPE = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/** The date of one ActivityDateType, or null. */
export function activityDate(activity: Pick<IatiActivity, 'dates'>, type: string): string | null {
  return activity.dates.find((d) => d.type === type)?.isoDate ?? null;
}

/**
 * A multilingual text as a record by language ({ en: '…', fi: '…' }), the shape the platform
 * stores. Narratives without a language are filed under `fallbackLang`; when two narratives share
 * a language the first wins.
 */
export function narrativesToRecord(narratives: IatiText, fallbackLang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of narratives) {
    const lang = n.lang ?? fallbackLang;
    if (!(lang in out)) {
      out[lang] = n.text;
    }
  }
  return out;
}

/**
 * A record by platform language tag as narratives, in the record's order: tags become IATI
 * Language codes ('zh-CN' → 'zh'), empty texts are skipped, and when two tags share a code
 * ('zh-CN', 'zh-TW') the first wins. A tag without an ISO 639-1 code is kept as written, so that
 * checkActivityCodes reports it.
 */
export function recordToNarratives(texts: Readonly<Record<string, string>>): IatiText {
  const seen = new Set<string>();
  const out: IatiText = [];
  for (const [tag, text] of Object.entries(texts)) {
    const lang = toIatiLanguage(tag) ?? tag;
    if (text.trim() === '' || seen.has(lang)) {
      continue;
    }
    seen.add(lang);
    out.push({ lang, text });
  }
  return out;
}
