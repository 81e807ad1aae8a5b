/**
 * IATI 2.03 codelists: the codes the XSD leaves as free strings, and the checks of an activity's
 * codes against them.
 *
 * Sources (IATI codelists, version 2.03; CC BY 4.0, attribute "IATI Standard
 * (http://iatistandard.org/)"):
 * - embedded codelists: https://github.com/IATI/IATI-Codelists, branch `version-2.03`, `xml/*.xml`
 *   (ActivityDateType, ActivityStatus, BudgetStatus, BudgetType, DocumentCategory,
 *   IndicatorMeasure, OrganisationRole, RelatedActivityType, ResultType, TransactionType, …);
 * - non-embedded (replicated) codelists: https://github.com/IATI/IATI-Codelists-NonEmbedded,
 *   `xml/*.xml` (AidType, CollaborationType, Country, Currency, FinanceType, FlowType, Language,
 *   OrganisationType, Region, Sector, SectorVocabulary, TagVocabulary, TiedStatus, …). Those
 *   replicate OECD DAC/CRS lists, ISO 3166-1, ISO 4217 and ISO 639-1 and change between IATI
 *   releases, so a code missing here is a warning, not an error, wherever `complete` is false.
 * - DAC 5-digit sectors: the active codes of `Sector.xml`, shared with the projects module
 *   (src/domain/projects/dac-sectors.ts); ISO 3166-1 countries: the i18n-iso-countries package.
 *
 * Pure data and functions.
 */
import countries from 'i18n-iso-countries';
import { ORGANISATION_TYPE_LABELS } from '../partners/partner-import.js';
import { isDacSectorCode } from '../projects/dac-sectors.js';
import type { IatiActivity, IatiDocumentLink, IatiIndicator, IatiNarrative, IatiResult } from './activity.js';

export interface Codelist {
  name: string;
  /** true: the list is the whole IATI 2.03 codelist, an unknown code is an error. false: a subset
   * (or a list that moves with DAC/ISO releases), an unknown code is a warning. */
  complete: boolean;
  /** Code → English name. */
  codes: ReadonlyMap<string, string>;
}

function codelist(name: string, complete: boolean, entries: Record<string, string>): Codelist {
  return { name, complete, codes: new Map(Object.entries(entries)) };
}

/** IATI-Codelists 2.03 `ActivityStatus` (embedded, complete). */
export const ACTIVITY_STATUS = codelist('ActivityStatus', true, {
  '1': 'Pipeline/identification',
  '2': 'Implementation',
  '3': 'Finalisation',
  '4': 'Closed',
  '5': 'Cancelled',
  '6': 'Suspended',
});

/** IATI-Codelists 2.03 `ActivityDateType` (embedded, complete). */
export const ACTIVITY_DATE_TYPE = codelist('ActivityDateType', true, {
  '1': 'Planned start',
  '2': 'Actual start',
  '3': 'Planned End',
  '4': 'Actual end',
});

/** IATI-Codelists 2.03 `OrganisationRole` (embedded, complete). */
export const ORGANISATION_ROLE = codelist('OrganisationRole', true, {
  '1': 'Funding',
  '2': 'Accountable',
  '3': 'Extending',
  '4': 'Implementing',
});

/** IATI-Codelists-NonEmbedded `OrganisationType` (complete for 2.03; labels shared with the
 * partner import). */
export const ORGANISATION_TYPE = codelist('OrganisationType', true, ORGANISATION_TYPE_LABELS);

/** IATI-Codelists-NonEmbedded `SectorVocabulary`. */
export const SECTOR_VOCABULARY = codelist('SectorVocabulary', true, {
  '1': 'OECD DAC CRS Purpose Codes (5 digit)',
  '2': 'OECD DAC CRS Purpose Codes (3 digit)',
  '3': 'Classification of the Functions of Government (UN)',
  '4': 'Statistical classification of economic activities in the European Community',
  '5': 'National Taxonomy for Exempt Entities (USA)',
  '6': 'AidData',
  '7': 'SDG Goal',
  '8': 'SDG Target',
  '9': 'SDG Indicator',
  '10': 'Humanitarian Global Clusters (Inter-Agency Standing Committee)',
  '11': 'North American Industry Classification System (NAICS)',
  '12': 'UN System Function',
  '98': 'Reporting Organisation 2',
  '99': 'Reporting Organisation',
});

/** IATI-Codelists-NonEmbedded `TagVocabulary`. */
export const TAG_VOCABULARY = codelist('TagVocabulary', false, {
  '1': 'Agrovoc',
  '2': 'UN Sustainable Development Goals (SDG)',
  '3': 'UN Sustainable Development Goals (SDG) Targets',
  '4': 'Team Europe Initiatives',
  '99': 'Reporting Organisation',
});

/** IATI-Codelists 2.03 `BudgetType` (embedded, complete). */
export const BUDGET_TYPE = codelist('BudgetType', true, { '1': 'Original', '2': 'Revised' });

/** IATI-Codelists 2.03 `BudgetStatus` (embedded, complete). */
export const BUDGET_STATUS = codelist('BudgetStatus', true, { '1': 'Indicative', '2': 'Committed' });

/** IATI-Codelists 2.03 `TransactionType` (embedded, complete). */
export const TRANSACTION_TYPE = codelist('TransactionType', true, {
  '1': 'Incoming Funds',
  '2': 'Outgoing Commitment',
  '3': 'Disbursement',
  '4': 'Expenditure',
  '5': 'Interest Payment',
  '6': 'Loan Repayment',
  '7': 'Reimbursement',
  '8': 'Purchase of Equity',
  '9': 'Sale of Equity',
  '10': 'Credit Guarantee',
  '11': 'Incoming Commitment',
  '12': 'Outgoing Pledge',
  '13': 'Incoming Pledge',
});

/** IATI-Codelists 2.03 `ResultType` (embedded, complete). */
export const RESULT_TYPE = codelist('ResultType', true, {
  '1': 'Output',
  '2': 'Outcome',
  '3': 'Impact',
  '9': 'Other',
});

/** IATI-Codelists 2.03 `IndicatorMeasure` (embedded, complete). */
export const INDICATOR_MEASURE = codelist('IndicatorMeasure', true, {
  '1': 'Unit',
  '2': 'Percentage',
  '3': 'Nominal',
  '4': 'Ordinal',
  '5': 'Qualitative',
});

/** IATI-Codelists-NonEmbedded `IndicatorVocabulary`. */
export const INDICATOR_VOCABULARY = codelist('IndicatorVocabulary', false, {
  '1': 'WHO Registry',
  '2': 'DAC Block Grant',
  '3': 'Sphere Handbook Indicators',
  '4': 'Results Data Initiative',
  '5': 'IRIS',
  '6': 'Humanitarian Response Indicators',
  '7': 'World Bank Core Sector Indicators',
  '8': 'MDGs',
  '9': 'UN Sustainable Development Goals (SDG)',
  '99': 'Reporting Organisation',
});

/** IATI-Codelists 2.03 `DescriptionType` (embedded, complete). */
export const DESCRIPTION_TYPE = codelist('DescriptionType', true, {
  '1': 'General',
  '2': 'Objectives',
  '3': 'Target Groups',
  '4': 'Other',
});

/** IATI-Codelists 2.03 `ContactType` (embedded, complete). */
export const CONTACT_TYPE = codelist('ContactType', true, {
  '1': 'General Enquiries',
  '2': 'Project Management',
  '3': 'Financial Management',
  '4': 'Communications',
});

/** IATI-Codelists 2.03 `ActivityScope` (embedded, complete). */
export const ACTIVITY_SCOPE = codelist('ActivityScope', true, {
  '1': 'Global',
  '2': 'Regional',
  '3': 'Multi-national',
  '4': 'National',
  '5': 'Sub-national: Multi-first-level administrative areas',
  '6': 'Sub-national: Single first-level administrative area',
  '7': 'Sub-national: Single second-level administrative area',
  '8': 'Single location',
});

/** IATI-Codelists 2.03 `RelatedActivityType` (embedded, complete). */
export const RELATED_ACTIVITY_TYPE = codelist('RelatedActivityType', true, {
  '1': 'Parent',
  '2': 'Child',
  '3': 'Sibling',
  '4': 'Co-funded',
  '5': 'Third Party',
});

/** IATI-Codelists 2.03 `OtherIdentifierType` (embedded, complete). */
export const OTHER_IDENTIFIER_TYPE = codelist('OtherIdentifierType', true, {
  A1: "Reporting Organisation's internal activity identifier",
  A2: 'CRS Activity identifier',
  A3: 'Previous Activity Identifier',
  A9: 'Other Activity Identifier',
  B1: 'Previous Reporting Organisation Identifier',
  B9: 'Other Organisation Identifier',
});

/** IATI-Codelists 2.03 `DocumentCategory` (embedded, complete). */
export const DOCUMENT_CATEGORY = codelist('DocumentCategory', true, {
  A01: 'Pre- and post-project impact appraisal',
  A02: 'Objectives / Purpose of activity',
  A03: 'Intended ultimate beneficiaries',
  A04: 'Conditions',
  A05: 'Budget',
  A06: 'Summary information about contract',
  A07: 'Review of project performance and evaluation',
  A08: 'Results, outcomes and outputs',
  A09: 'Memorandum of understanding (If agreed by all parties)',
  A10: 'Tender',
  A11: 'Contract',
  A12: 'Activity web page',
  B01: 'Annual report',
  B02: 'Institutional Strategy paper',
  B03: 'Country strategy paper',
  B04: 'Aid Allocation Policy',
  B05: 'Procurement Policy and Procedure',
  B06: 'Institutional Audit Report',
  B07: 'Country Audit Report',
  B08: 'Exclusions Policy',
  B09: 'Institutional Evaluation Report',
  B10: 'Country Evaluation Report',
  B11: 'Sector strategy',
  B12: 'Thematic strategy',
  B13: 'Country-level Memorandum of Understanding',
  B14: 'Evaluations policy',
  B15: 'General Terms and Conditions',
  B16: 'Organisation web page',
  B17: 'Country/Region web page',
  B18: 'Sector web page',
});

/** IATI-Codelists-NonEmbedded `AidType` (vocabulary 1, OECD DAC): the codes in use for 2.03. */
export const AID_TYPE = codelist('AidType', false, {
  A01: 'General budget support',
  A02: 'Sector budget support',
  B01: 'Core support to NGOs, other private bodies, PPPs and research institutes',
  B02: 'Core contributions to multilateral institutions and global funds',
  B021: 'Core contributions to multilateral institutions',
  B022: 'Core contributions to global funds',
  B03: 'Contributions to specific-purpose programmes and funds managed by implementing partners',
  B031: 'Contributions to multi-donor/multi-entity funding mechanisms',
  B032: 'Contributions to multi-donor/single-entity funding mechanisms',
  B033: 'Contributions to single-donor funding mechanisms and contributions earmarked for a specific funding window or geographical location',
  B04: 'Basket funds/pooled funding',
  C01: 'Project-type interventions',
  D01: 'Donor country personnel',
  D02: 'Other technical assistance',
  E01: 'Scholarships/training in donor country',
  E02: 'Imputed student costs',
  F01: 'Debt relief',
  G01: 'Administrative costs not included elsewhere',
  H01: 'Development awareness',
  H02: 'Refugees/asylum seekers in donor countries',
  H03: 'Asylum-seekers ultimately accepted',
  H04: 'Asylum-seekers ultimately rejected',
  H05: 'Recognised refugees',
});

/** IATI-Codelists-NonEmbedded `AidTypeVocabulary`. */
export const AID_TYPE_VOCABULARY = codelist('AidTypeVocabulary', true, {
  '1': 'OECD DAC',
  '2': 'Earmarking Category',
  '3': 'Earmarking Modality',
  '4': 'Cash and Voucher Modalities',
});

/** IATI-Codelists-NonEmbedded `FlowType`. */
export const FLOW_TYPE = codelist('FlowType', false, {
  '10': 'ODA',
  '20': 'OOF',
  '21': 'Non-export credit OOF',
  '22': 'Officially supported export credits',
  '30': 'Private Development Finance',
  '35': 'Private Market',
  '36': 'Private Foreign Direct Investment',
  '37': 'Other Private flows at market terms',
  '40': 'Non flow',
  '50': 'Other flows',
});

/** IATI-Codelists-NonEmbedded `FinanceType`: the active codes (categories omitted). */
export const FINANCE_TYPE = codelist('FinanceType', false, {
  '110': 'Standard grant',
  '210': 'Interest subsidy',
  '310': 'Capital subscription on deposit basis',
  '311': 'Capital subscription on encashment basis',
  '410': 'Aid loan excluding debt reorganisation',
  '411': 'Investment-related loan to developing countries',
  '412': 'Loan in a joint venture with the recipient',
  '413': 'Loan to national private investor',
  '414': 'Loan to national private exporter',
  '421': 'Standard loan',
  '422': 'Reimbursable grant',
  '423': 'Bonds',
  '424': 'Asset-backed securities',
  '425': 'Other debt securities',
  '431': 'Subordinated loan',
  '432': 'Preferred equity',
  '433': 'Other hybrid instruments',
  '451': 'Non-banks guaranteed export credits',
  '452': 'Non-banks non-guaranteed portions of guaranteed export credits',
  '453': 'Bank export credits',
  '510': 'Common equity',
  '511': 'Acquisition of equity not part of joint venture in developing countries',
  '512': 'Other acquisition of equity',
  '520': 'Shares in collective investment vehicles',
  '530': 'Reinvested earnings',
  '610': 'Debt forgiveness: ODA claims (P)',
  '611': 'Debt forgiveness: ODA claims (I)',
  '612': 'Debt forgiveness: OOF claims (P)',
  '613': 'Debt forgiveness: OOF claims (I)',
  '614': 'Debt forgiveness: Private claims (P)',
  '615': 'Debt forgiveness: Private claims (I)',
  '616': 'Debt forgiveness: OOF claims (DSR)',
  '617': 'Debt forgiveness: Private claims (DSR)',
  '618': 'Debt forgiveness: Other',
  '620': 'Debt rescheduling: ODA claims (P)',
  '621': 'Debt rescheduling: ODA claims (I)',
  '622': 'Debt rescheduling: OOF claims (P)',
  '623': 'Debt rescheduling: OOF claims (I)',
  '624': 'Debt rescheduling: Private claims (P)',
  '625': 'Debt rescheduling: Private claims (I)',
  '626': 'Debt rescheduling: OOF claims (DSR)',
  '627': 'Debt rescheduling: Private claims (DSR)',
  '630': 'Debt rescheduling: OOF claim (DSR – original loan principal)',
  '631': 'Debt rescheduling: OOF claim (DSR – original loan interest)',
  '632': 'Debt rescheduling: Private claim (DSR – original loan principal)',
  '633': 'Debt forgiveness/conversion: export credit claims (P)',
  '634': 'Debt forgiveness/conversion: export credit claims (I)',
  '635': 'Debt forgiveness: export credit claims (DSR)',
  '710': 'Foreign direct investment, new capital outflow',
  '711': 'Other foreign direct investment, including reinvested earnings',
  '712': 'Foreign direct investment, reinvested earnings',
  '810': 'Bank bonds',
  '811': 'Non-bank bonds',
  '910': 'Other bank securities/claims',
  '911': 'Other non-bank securities/claims',
  '912': 'Purchase of securities from issuing agencies',
  '913': 'Securities and other instruments originally issued by multilateral agencies',
  '1100': 'Guarantees/insurance',
});

/** IATI-Codelists-NonEmbedded `TiedStatus`. */
export const TIED_STATUS = codelist('TiedStatus', true, {
  '3': 'Partially tied',
  '4': 'Tied',
  '5': 'Untied',
});

/** IATI-Codelists-NonEmbedded `CollaborationType`. */
export const COLLABORATION_TYPE = codelist('CollaborationType', false, {
  '1': 'Bilateral',
  '2': 'Multilateral (inflows)',
  '3': 'Bilateral, core contributions to NGOs and other private bodies / PPPs',
  '4': 'Multilateral outflows',
  '6': 'Private Development Finance',
  '7': 'Bilateral, ex-post reporting on NGOs’ activities funded through core contributions',
  '8': 'Bilateral, triangular co-operation',
});

/** IATI-Codelists 2.03 `RegionVocabulary` (embedded, complete). */
export const REGION_VOCABULARY = codelist('RegionVocabulary', true, {
  '1': 'OECD DAC',
  '2': 'UN',
  '99': 'Reporting Organisation',
});

/** IATI-Codelists-NonEmbedded `Region` (vocabulary 1, OECD DAC regions). */
export const REGION = codelist('Region', false, {
  '88': 'States Ex-Yugoslavia unspecified',
  '89': 'Europe, regional',
  '189': 'North of Sahara, regional',
  '289': 'South of Sahara, regional',
  '298': 'Africa, regional',
  '380': 'West Indies, regional',
  '389': 'North and Central America, regional',
  '489': 'South America, regional',
  '498': 'America, regional',
  '589': 'Middle East, regional',
  '619': 'Central Asia, regional',
  '679': 'South Asia, regional',
  '689': 'South and Central Asia, regional',
  '789': 'Far East Asia, regional',
  '798': 'Asia, regional',
  '889': 'Oceania, regional',
  '998': 'Developing countries, unspecified',
  '1027': 'Eastern Africa, regional',
  '1028': 'Middle Africa, regional',
  '1029': 'Southern Africa, regional',
  '1030': 'Western Africa, regional',
  '1031': 'Caribbean, regional',
  '1032': 'Central America, regional',
  '1033': 'Melanesia, regional',
  '1034': 'Micronesia, regional',
  '1035': 'Polynesia, regional',
});

/** IATI-Codelists-NonEmbedded `PolicySignificance` (codes only, for reference). */
export const POLICY_SIGNIFICANCE = codelist('PolicySignificance', true, {
  '0': 'not targeted',
  '1': 'significant objective',
  '2': 'principal objective',
  '3': 'principal objective AND in support of an action programme',
  '4': 'Explicit primary objective',
});

/**
 * IATI-Codelists-NonEmbedded `Currency` (ISO 4217 active codes, as replicated for 2.03 and kept
 * current). Withdrawn codes still met in older files are in WITHDRAWN_CURRENCIES.
 */
export const CURRENCIES: ReadonlySet<string> = new Set(
  `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN
  BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
  FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
  KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV
  MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
  SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN
  UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL`
    .split(/\s+/)
    .filter(Boolean),
);

/** ISO 4217 codes withdrawn since 2.01 files were written (valid then, not for new data). */
export const WITHDRAWN_CURRENCIES: ReadonlySet<string> = new Set(
  'BYR EEK HRK LTL LVL MRO MTL SIT SKK STD VEF ZMK CYP ZWD'.split(' '),
);

/**
 * IATI-Codelists-NonEmbedded `Language` (ISO 639-1, 2.03): the two-letter codes used in xml:lang
 * and document-link/language.
 */
export const LANGUAGES: ReadonlySet<string> = new Set(
  `aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
  dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie
  ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg
  mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro
  ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
  ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`
    .split(/\s+/)
    .filter(Boolean),
);

/** ISO 3166-1 alpha-2 codes (IATI `Country` replicates ISO 3166-1; XK Kosovo included). */
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/**
 * A platform language tag as an IATI Language code: 'zh-CN' → 'zh', 'EN' → 'en'. Returns null when
 * the primary subtag is not an ISO 639-1 code.
 */
export function toIatiLanguage(tag: string): string | null {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return LANGUAGES.has(primary) ? primary : null;
}

/** The English name of a code, or null when the code is not on the list. */
export function codeName(list: Codelist, code: string): string | null {
  return list.codes.get(code) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Checks

export type IatiProblemSeverity = 'error' | 'warning';

/** One finding about an activity, addressed by an XPath-like path ('iati-activity/sector[2]/@code'). */
export interface IatiProblem {
  path: string;
  /** Stable machine code, translated by the web (e.g. 'unknown_code'). */
  code: string;
  severity: IatiProblemSeverity;
  /** The offending value, when there is one. */
  value?: string;
  /** The codelist concerned, for unknown_code. */
  codelist?: string;
  /** An English explanation for logs and API clients. */
  message: string;
}

/** Collects problems under one base path; the element helpers below share it. */
export class ProblemSink {
  readonly problems: IatiProblem[] = [];

  /** `sourcePaths`: where each model object came from in a parsed file (see xml-reader), so that
   * problems point at the file's elements even when the reader skipped some. */
  constructor(private readonly sourcePaths?: WeakMap<object, string>) {}

  /** The path of a model object: its source path when known, else the computed one. */
  where(item: object, computed: string): string {
    return this.sourcePaths?.get(item) ?? computed;
  }

  add(problem: IatiProblem): void {
    this.problems.push(problem);
  }

  /** Checks `code` against `list`. Null codes are not checked (absence is the XSD's concern). */
  code(path: string, list: Codelist, code: string | null | undefined): void {
    if (code === null || code === undefined) {
      return;
    }
    if (code.trim() === '') {
      this.add({
        path,
        code: 'empty_code',
        severity: 'error',
        value: code,
        codelist: list.name,
        message: `Empty code: expected a ${list.name} code`,
      });
      return;
    }
    if (!list.codes.has(code)) {
      this.add({
        path,
        code: 'unknown_code',
        severity: list.complete ? 'error' : 'warning',
        value: code,
        codelist: list.name,
        message: list.complete
          ? `'${code}' is not on the IATI ${list.name} codelist`
          : `'${code}' is not among the known ${list.name} codes (the list shipped here may be older than the file)`,
      });
    }
  }
}

/** Narratives: each xml:lang must be an ISO 639-1 code. */
export function checkNarratives(sink: ProblemSink, path: string, narratives: readonly IatiNarrative[]): void {
  narratives.forEach((n, i) => {
    if (n.lang !== null && !LANGUAGES.has(n.lang)) {
      sink.add({
        path: `${sink.where(n, `${path}/narrative[${i + 1}]`)}/@xml:lang`,
        code: 'unknown_language',
        severity: 'error',
        value: n.lang,
        codelist: 'Language',
        message: `'${n.lang}' is not an ISO 639-1 language code`,
      });
    }
  });
}

export function checkCurrency(sink: ProblemSink, path: string, currency: string | null): void {
  if (currency === null || CURRENCIES.has(currency)) {
    return;
  }
  const withdrawn = WITHDRAWN_CURRENCIES.has(currency);
  sink.add({
    path,
    code: withdrawn ? 'withdrawn_currency' : 'unknown_currency',
    severity: withdrawn ? 'warning' : 'error',
    value: currency,
    codelist: 'Currency',
    message: withdrawn
      ? `'${currency}' is a withdrawn ISO 4217 currency`
      : `'${currency}' is not an ISO 4217 currency code`,
  });
}

export function checkCountry(sink: ProblemSink, path: string, code: string): void {
  if (!isCountryCode(code)) {
    sink.add({
      path,
      code: 'unknown_country',
      severity: 'error',
      value: code,
      codelist: 'Country',
      message: `'${code}' is not an ISO 3166-1 alpha-2 country code`,
    });
  }
}

const SDG_TARGET_RE = /^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$/;

/** A sector code against its vocabulary (null vocabulary = 1, DAC 5-digit). */
export function checkSector(
  sink: ProblemSink,
  path: string,
  sector: { vocabulary: string | null; code: string },
): void {
  const vocabulary = sector.vocabulary ?? '1';
  sink.code(`${path}/@vocabulary`, SECTOR_VOCABULARY, sector.vocabulary);
  const codePath = `${path}/@code`;
  const bad = (message: string) =>
    sink.add({ path: codePath, code: 'invalid_sector_code', severity: 'error', value: sector.code, message });
  if (vocabulary === '1') {
    if (!/^\d{5}$/.test(sector.code)) {
      bad(`'${sector.code}' is not a 5-digit DAC purpose code`);
    } else if (!isDacSectorCode(sector.code)) {
      sink.add({
        path: codePath,
        code: 'unknown_sector_code',
        severity: 'warning',
        value: sector.code,
        codelist: 'Sector',
        message: `'${sector.code}' is not an active DAC 5-digit purpose code known here`,
      });
    }
  } else if (vocabulary === '2') {
    if (!/^\d{3}$/.test(sector.code)) {
      bad(`'${sector.code}' is not a 3-digit DAC sector category`);
    }
  } else if (vocabulary === '7') {
    if (!/^([1-9]|1[0-7])$/.test(sector.code)) {
      bad(`'${sector.code}' is not an SDG goal (1-17)`);
    }
  } else if (vocabulary === '8') {
    if (!SDG_TARGET_RE.test(sector.code)) {
      bad(`'${sector.code}' is not an SDG target such as 4.3 or 4.c`);
    }
  }
}

function checkDocumentLinks(sink: ProblemSink, base: string, links: readonly IatiDocumentLink[]): void {
  links.forEach((d, i) => {
    const path = sink.where(d, `${base}/document-link[${i + 1}]`);
    checkNarratives(sink, `${path}/title`, d.title);
    checkNarratives(sink, `${path}/description`, d.description);
    d.categories.forEach((c, j) => {
      sink.code(`${path}/category[${j + 1}]/@code`, DOCUMENT_CATEGORY, c);
    });
    d.languages.forEach((l, j) => {
      if (!LANGUAGES.has(l)) {
        sink.add({
          path: `${path}/language[${j + 1}]/@code`,
          code: 'unknown_language',
          severity: 'error',
          value: l,
          codelist: 'Language',
          message: `'${l}' is not an ISO 639-1 language code`,
        });
      }
    });
    if (!/^[a-z]+\/[A-Za-z0-9.+-]+$/.test(d.format)) {
      sink.add({
        path: `${path}/@format`,
        code: 'invalid_file_format',
        severity: 'warning',
        value: d.format,
        codelist: 'FileFormat',
        message: `'${d.format}' is not an IANA media type such as application/pdf`,
      });
    }
  });
}

function checkIndicator(sink: ProblemSink, path: string, indicator: IatiIndicator): void {
  sink.code(`${path}/@measure`, INDICATOR_MEASURE, indicator.measure);
  checkNarratives(sink, `${path}/title`, indicator.title);
  checkNarratives(sink, `${path}/description`, indicator.description);
  checkDocumentLinks(sink, path, indicator.documentLinks);
  indicator.references.forEach((r, i) => {
    sink.code(
      `${sink.where(r, `${path}/reference[${i + 1}]`)}/@vocabulary`,
      INDICATOR_VOCABULARY,
      r.vocabulary,
    );
  });
  const numeric = indicator.measure !== '5';
  const checkValue = (valuePath: string, value: string | null) => {
    if (numeric && value !== null && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) {
      sink.add({
        path: valuePath,
        code: 'indicator_value_not_numeric',
        severity: 'error',
        value,
        message: `'${value}' is not a number, but the indicator's measure (${indicator.measure}) is quantitative`,
      });
    }
  };
  indicator.baselines.forEach((b, i) => {
    const bPath = sink.where(b, `${path}/baseline[${i + 1}]`);
    checkValue(`${bPath}/@value`, b.value);
    checkNarratives(sink, `${bPath}/comment`, b.comment);
    checkDocumentLinks(sink, bPath, b.documentLinks);
  });
  indicator.periods.forEach((p, i) => {
    const pPath = sink.where(p, `${path}/period[${i + 1}]`);
    for (const [name, values] of [
      ['target', p.targets],
      ['actual', p.actuals],
    ] as const) {
      values.forEach((v, j) => {
        const vPath = sink.where(v, `${pPath}/${name}[${j + 1}]`);
        checkValue(`${vPath}/@value`, v.value);
        checkNarratives(sink, `${vPath}/comment`, v.comment);
        checkDocumentLinks(sink, vPath, v.documentLinks);
      });
    }
  });
}

export function checkResult(sink: ProblemSink, path: string, result: IatiResult): void {
  sink.code(`${path}/@type`, RESULT_TYPE, result.type);
  checkNarratives(sink, `${path}/title`, result.title);
  checkNarratives(sink, `${path}/description`, result.description);
  checkDocumentLinks(sink, path, result.documentLinks);
  result.indicators.forEach((indicator, i) => {
    checkIndicator(sink, sink.where(indicator, `${path}/indicator[${i + 1}]`), indicator);
  });
}

function checkOrgType(sink: ProblemSink, path: string, type: string | null): void {
  sink.code(path, ORGANISATION_TYPE, type);
}

/**
 * Every code of an activity against the IATI 2.03 codelists (the checks the XSD cannot make).
 * Paths start at `base` ('iati-activity' by default) and count elements from 1 in document order,
 * as the XML writer writes them. Unknown codes on complete lists are errors; on lists that follow
 * DAC or ISO releases (Sector, AidType, FinanceType, FlowType, Region, …) they are warnings.
 */
export interface CheckOptions {
  /** The activity's path ('iati-activity' by default). */
  base?: string;
  /** Source paths of model objects, from parseIatiActivities. */
  sourcePaths?: WeakMap<object, string>;
}

export function checkActivityCodes(activity: IatiActivity, options: CheckOptions = {}): IatiProblem[] {
  const sink = new ProblemSink(options.sourcePaths);
  const base = sink.where(activity, options.base ?? 'iati-activity');
  const at = (tail: string) => `${base}/${tail}`;
  /** The path of the i-th element `name` of the activity (1-based), or where it came from. */
  const item = (obj: object, name: string, i: number) => sink.where(obj, at(`${name}[${i + 1}]`));
  if (activity.defaultLanguage !== null && !LANGUAGES.has(activity.defaultLanguage)) {
    sink.add({
      path: at('@xml:lang'),
      code: 'unknown_language',
      severity: 'error',
      value: activity.defaultLanguage,
      codelist: 'Language',
      message: `'${activity.defaultLanguage}' is not an ISO 639-1 language code`,
    });
  }
  checkCurrency(sink, at('@default-currency'), activity.defaultCurrency);
  if (activity.reportingOrg) {
    checkOrgType(sink, at('reporting-org/@type'), activity.reportingOrg.type);
    checkNarratives(sink, at('reporting-org'), activity.reportingOrg.narratives);
  }
  checkNarratives(sink, at('title'), activity.title);
  activity.descriptions.forEach((d, i) => {
    const path = item(d, 'description', i);
    sink.code(`${path}/@type`, DESCRIPTION_TYPE, d.type);
    checkNarratives(sink, path, d.narratives);
  });
  activity.participatingOrgs.forEach((p, i) => {
    const path = item(p, 'participating-org', i);
    sink.code(`${path}/@role`, ORGANISATION_ROLE, p.role);
    checkOrgType(sink, `${path}/@type`, p.type);
    checkNarratives(sink, path, p.narratives);
  });
  activity.otherIdentifiers.forEach((o, i) => {
    sink.code(`${item(o, 'other-identifier', i)}/@type`, OTHER_IDENTIFIER_TYPE, o.type);
  });
  sink.code(at('activity-status/@code'), ACTIVITY_STATUS, activity.status);
  activity.dates.forEach((d, i) => {
    const path = item(d, 'activity-date', i);
    sink.code(`${path}/@type`, ACTIVITY_DATE_TYPE, d.type);
    checkNarratives(sink, path, d.narratives);
  });
  activity.contacts.forEach((c, i) => {
    sink.code(`${item(c, 'contact-info', i)}/@type`, CONTACT_TYPE, c.type);
  });
  sink.code(at('activity-scope/@code'), ACTIVITY_SCOPE, activity.activityScope);
  activity.recipientCountries.forEach((c, i) => {
    checkCountry(sink, `${item(c, 'recipient-country', i)}/@code`, c.code);
  });
  activity.recipientRegions.forEach((r, i) => {
    const path = item(r, 'recipient-region', i);
    sink.code(`${path}/@vocabulary`, REGION_VOCABULARY, r.vocabulary);
    if ((r.vocabulary ?? '1') === '1') {
      sink.code(`${path}/@code`, REGION, r.code);
    }
  });
  activity.sectors.forEach((s, i) => {
    checkSector(sink, item(s, 'sector', i), s);
  });
  activity.tags.forEach((t, i) => {
    sink.code(`${item(t, 'tag', i)}/@vocabulary`, TAG_VOCABULARY, t.vocabulary);
  });
  sink.code(at('collaboration-type/@code'), COLLABORATION_TYPE, activity.collaborationType);
  sink.code(at('default-flow-type/@code'), FLOW_TYPE, activity.defaultFlowType);
  sink.code(at('default-finance-type/@code'), FINANCE_TYPE, activity.defaultFinanceType);
  activity.defaultAidTypes.forEach((a, i) => {
    const path = item(a, 'default-aid-type', i);
    sink.code(`${path}/@vocabulary`, AID_TYPE_VOCABULARY, a.vocabulary);
    if ((a.vocabulary ?? '1') === '1') {
      sink.code(`${path}/@code`, AID_TYPE, a.code);
    }
  });
  sink.code(at('default-tied-status/@code'), TIED_STATUS, activity.defaultTiedStatus);
  activity.budgets.forEach((b, i) => {
    const path = item(b, 'budget', i);
    sink.code(`${path}/@type`, BUDGET_TYPE, b.type);
    sink.code(`${path}/@status`, BUDGET_STATUS, b.status);
    checkCurrency(sink, `${path}/value/@currency`, b.value.currency);
  });
  activity.transactions.forEach((t, i) => {
    const path = item(t, 'transaction', i);
    sink.code(`${path}/transaction-type/@code`, TRANSACTION_TYPE, t.type);
    checkCurrency(sink, `${path}/value/@currency`, t.value.currency);
    checkNarratives(sink, `${path}/description`, t.description);
    checkOrgType(sink, `${path}/provider-org/@type`, t.providerOrg?.type ?? null);
    checkOrgType(sink, `${path}/receiver-org/@type`, t.receiverOrg?.type ?? null);
  });
  checkDocumentLinks(sink, base, activity.documentLinks);
  activity.relatedActivities.forEach((r, i) => {
    sink.code(`${item(r, 'related-activity', i)}/@type`, RELATED_ACTIVITY_TYPE, r.type);
  });
  activity.results.forEach((r, i) => {
    checkResult(sink, item(r, 'result', i), r);
  });
  return sink.problems;
}
