/**
 * Reads IATI activity files (versions 2.01, 2.02 and 2.03) into IatiActivity values.
 *
 * Tolerant by design: funders' files are often imperfect, so odd or unknown values (unknown codes,
 * elements of other versions, missing optional parts, numbers that do not parse in optional places)
 * become warnings with an XPath-like path, and the rest of the activity is kept. Only XML that
 * cannot be read, a root that is not `iati-activities`, an IATI 1.x file, or an activity without an
 * `iati-identifier` is an error (the other activities of the file are still read).
 *
 * Codes and IATI rules are checked with the same functions the export uses
 * (src/domain/iati/codelists.ts and rules.ts); their findings are reported as warnings here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isCalendarDate } from '../../../domain/dates/calendar-date.js';
import {
  emptyIatiActivity,
  type IatiActivity,
  type IatiBaseline,
  type IatiBudget,
  type IatiContactInfo,
  type IatiDimension,
  type IatiDocumentLink,
  type IatiIndicator,
  type IatiIndicatorPeriod,
  type IatiMoney,
  type IatiNarrative,
  type IatiPeriodValue,
  type IatiResult,
  type IatiText,
  type IatiTransaction,
  type IatiTransactionOrg,
} from '../../../domain/iati/activity.js';
import { checkActivityCodes, toIatiLanguage } from '../../../domain/iati/codelists.js';
import { iatiDecimalToMinor, parseIatiPercentage } from '../../../domain/iati/money.js';
import { checkActivityRules } from '../../../domain/iati/rules.js';

export interface IatiImportMessage {
  /** XPath-like location, e.g. '/iati-activities/iati-activity[1]/budget[2]/value'. */
  path: string;
  /** Stable machine code, translated by the web. */
  code: string;
  /** English explanation. */
  message: string;
  /** The offending value, when there is one. */
  value?: string;
  /** Position in the file, for unreadable XML. */
  line?: number;
  column?: number;
}

export interface IatiParseResult {
  /** The root's `version` attribute ('2.01' …), or null when absent. */
  version: string | null;
  activities: IatiActivity[];
  warnings: IatiImportMessage[];
  /** Unreadable XML, wrong root, IATI 1.x, or activities without an identifier (skipped). */
  errors: IatiImportMessage[];
}

export const SUPPORTED_IATI_VERSIONS = ['2.01', '2.02', '2.03'] as const;

// ---------------------------------------------------------------------------------------------
// A small element tree with inherited xml:lang

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Direct text content, untrimmed. */
  text: string;
  /** xml:lang of the element or its nearest ancestor. */
  lang: string | null;
}

type Ordered = Record<string, unknown>;

function buildTree(nodes: Ordered[], parentLang: string | null): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name.startsWith('#')) {
      continue;
    }
    const rawAttrs = (node[':@'] as Record<string, unknown> | undefined) ?? {};
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      attrs[k] = String(v);
    }
    const lang = attrs['xml:lang'] ?? parentLang;
    const content = (node[name] as Ordered[] | undefined) ?? [];
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    out.push({ name, attrs, children: buildTree(content, lang), text, lang });
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  processEntities: true,
  ignorePiTags: true,
});

// ---------------------------------------------------------------------------------------------
// Element knowledge

/** The children of iati-activity in the 2.03 schema, in order. */
const ACTIVITY_CHILDREN_203 = new Set([
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'other-identifier',
  'activity-status',
  'activity-date',
  'contact-info',
  'activity-scope',
  'recipient-country',
  'recipient-region',
  'location',
  'sector',
  'tag',
  'country-budget-items',
  'humanitarian-scope',
  'policy-marker',
  'collaboration-type',
  'default-flow-type',
  'default-finance-type',
  'default-aid-type',
  'default-tied-status',
  'budget',
  'planned-disbursement',
  'capital-spend',
  'transaction',
  'document-link',
  'related-activity',
  'legacy-data',
  'conditions',
  'result',
  'crs-add',
  'fss',
]);

const TRANSACTION_CHILDREN_203 = new Set([
  'transaction-type',
  'transaction-date',
  'value',
  'description',
  'provider-org',
  'receiver-org',
  'disbursement-channel',
  'sector',
  'recipient-country',
  'recipient-region',
  'flow-type',
  'finance-type',
  'aid-type',
  'tied-status',
]);

/** IATI 1.x role and date-type names still found in early 2.0x files. */
const LEGACY_ROLES: Record<string, string> = {
  funding: '1',
  accountable: '2',
  extending: '3',
  implementing: '4',
};
const LEGACY_DATE_TYPES: Record<string, string> = {
  'start-planned': '1',
  'start-actual': '2',
  'end-planned': '3',
  'end-actual': '4',
};

const DATE_WITH_ZONE_RE = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}/;

// ---------------------------------------------------------------------------------------------

class ActivityReader {
  readonly warnings: IatiImportMessage[] = [];
  private defaultCurrency: string | null = null;

  constructor(readonly sourcePaths: WeakMap<object, string>) {}

  warn(path: string, code: string, message: string, value?: string): void {
    this.warnings.push({ path, code, message, ...(value === undefined ? {} : { value }) });
  }

  track<T extends object>(item: T, path: string): T {
    this.sourcePaths.set(item, path);
    return item;
  }

  /** Child elements named `name`, each with its path (1-based index when repeatable). */
  all(node: XNode, path: string, name: string): [XNode, string][] {
    return node.children.filter((c) => c.name === name).map((c, i) => [c, `${path}/${name}[${i + 1}]`]);
  }

  /** The single child `name`; extra ones are reported and ignored. */
  one(node: XNode, path: string, name: string): [XNode, string] | null {
    const found = node.children.filter((c) => c.name === name);
    if (found.length > 1) {
      this.warn(
        `${path}/${name}`,
        'duplicate_element',
        `${found.length} ${name} elements where IATI allows one; the first is kept`,
      );
    }
    const first = found[0];
    return first ? [first, `${path}/${name}`] : null;
  }

  /** An attribute, trimmed; null when absent. */
  attr(node: XNode, name: string): string | null {
    const v = node.attrs[name];
    return v === undefined ? null : v.trim();
  }

  /** An optional code attribute: absent → null; empty → warning and null. */
  code(node: XNode, path: string, name: string): string | null {
    const v = this.attr(node, name);
    if (v === '') {
      this.warn(`${path}/@${name}`, 'empty_code', `The ${name} attribute is empty; it is ignored`);
      return null;
    }
    return v;
  }

  /** A required attribute; absent or empty → warning and null (the caller decides what to skip). */
  required(node: XNode, path: string, name: string, what: string): string | null {
    const v = this.attr(node, name);
    if (v === null || v === '') {
      this.warn(`${path}/@${name}`, 'missing_attribute', `${what}: the ${name} attribute is missing`);
      return null;
    }
    return v;
  }

  /** A language tag as an IATI Language code. `own`: the tag is written on this element (an
   * inherited one was already reported where it is written). */
  language(raw: string | null, path: string, own = true): string | null {
    if (raw === null) {
      return null;
    }
    const iati = toIatiLanguage(raw);
    if (iati === null) {
      // Kept as written; the codelist check reports it.
      return raw.trim().toLowerCase();
    }
    if (iati !== raw && own) {
      this.warn(path, 'language_normalized', `Language '${raw}' read as the IATI code '${iati}'`, raw);
    }
    return iati;
  }

  narratives(node: XNode, path: string): IatiText {
    const out: IatiText = [];
    const found = this.all(node, path, 'narrative');
    for (const [n, p] of found) {
      if (n.text.trim() === '') {
        this.warn(p, 'empty_narrative', 'An empty narrative is ignored');
        continue;
      }
      const lang = this.language(n.lang, `${p}/@xml:lang`, n.attrs['xml:lang'] !== undefined);
      out.push(this.track<IatiNarrative>({ lang, text: n.text }, p));
    }
    if (found.length === 0 && node.text.trim() !== '') {
      // IATI 1.x style text directly in the element.
      this.warn(path, 'text_without_narrative', 'Text outside a narrative element is read as a narrative');
      const lang = this.language(node.lang, `${path}/@xml:lang`, node.attrs['xml:lang'] !== undefined);
      out.push(this.track<IatiNarrative>({ lang, text: node.text.trim() }, path));
    }
    return out;
  }

  /** Narratives of the single child `name`, or [] when it is absent. */
  childText(node: XNode, path: string, name: string): IatiText {
    const child = this.one(node, path, name);
    return child ? this.narratives(child[0], child[1]) : [];
  }

  /** An xsd:date attribute as 'YYYY-MM-DD'; warnings for time zones, times and bad dates. */
  date(node: XNode, path: string, name = 'iso-date'): string | null {
    const raw = this.attr(node, name);
    const at = `${path}/@${name}`;
    if (raw === null || raw === '') {
      this.warn(at, 'missing_date', `The ${name} attribute is missing`);
      return null;
    }
    const zoned = DATE_WITH_ZONE_RE.exec(raw);
    const timed = zoned ? null : DATE_TIME_RE.exec(raw);
    const date = zoned?.[1] ?? timed?.[1] ?? null;
    if (date === null || !isCalendarDate(date)) {
      this.warn(at, 'invalid_date', `'${raw}' is not a date (YYYY-MM-DD)`, raw);
      return null;
    }
    if (timed) {
      this.warn(at, 'date_time_truncated', `'${raw}' is a date-time; its date ${date} is kept`, raw);
    }
    return date;
  }

  optionalDate(node: XNode, path: string, name: string): string | null {
    return this.attr(node, name) === null ? null : this.date(node, path, name);
  }

  percentage(node: XNode, path: string): number | null {
    const raw = this.attr(node, 'percentage');
    if (raw === null || raw === '') {
      return null;
    }
    const parsed = parseIatiPercentage(raw);
    if (!parsed.ok) {
      this.warn(
        `${path}/@percentage`,
        'invalid_percentage',
        `'${raw}' is not a percentage between 0 and 100; it is ignored`,
        raw,
      );
      return null;
    }
    if (parsed.rounded) {
      this.warn(`${path}/@percentage`, 'percentage_rounded', `${raw} is rounded to ${parsed.value}`, raw);
    }
    return parsed.value;
  }

  boolean(node: XNode, path: string, name: string): boolean | null {
    const raw = this.attr(node, name);
    if (raw === null || raw === '') {
      return null;
    }
    if (raw === 'true' || raw === '1') {
      return true;
    }
    if (raw === 'false' || raw === '0') {
      return false;
    }
    this.warn(`${path}/@${name}`, 'invalid_boolean', `'${raw}' is not true/false/1/0; it is ignored`, raw);
    return null;
  }

  /** A value element as money; null (with a warning) when it cannot be kept exactly enough. */
  money(owner: XNode, ownerPath: string, fallbackDate: string | null): IatiMoney | null {
    const found = this.one(owner, ownerPath, 'value');
    if (!found) {
      this.warn(`${ownerPath}/value`, 'missing_value', 'The value element is missing; the entry is skipped');
      return null;
    }
    const [node, path] = found;
    const raw = node.text.trim();
    const currency = (this.attr(node, 'currency') || this.defaultCurrency)?.toUpperCase() ?? null;
    if (!currency) {
      this.warn(
        `${path}/@currency`,
        'missing_currency',
        'Neither the value nor the activity names a currency; the entry is skipped',
      );
      return null;
    }
    const parsed = iatiDecimalToMinor(raw, currency);
    if (!parsed.ok) {
      this.warn(
        path,
        parsed.reason === 'out_of_range' ? 'value_out_of_range' : 'invalid_value',
        parsed.reason === 'out_of_range'
          ? `${raw} ${currency} is too large to keep exactly; the entry is skipped`
          : `'${raw}' is not a decimal amount; the entry is skipped`,
        raw,
      );
      return null;
    }
    if (parsed.rounded) {
      this.warn(
        path,
        'value_rounded',
        `${raw} has more decimals than ${currency} allows; it is rounded to the nearest minor unit`,
        raw,
      );
    }
    const rawValueDate = this.attr(node, 'value-date');
    let valueDate = rawValueDate ? this.date(node, path, 'value-date') : null;
    if (valueDate === null) {
      if (!rawValueDate) {
        this.warn(
          `${path}/@value-date`,
          'missing_value_date',
          `The value-date is missing; ${fallbackDate ?? 'no date'} is used`,
        );
      }
      valueDate = fallbackDate;
    }
    if (valueDate === null) {
      return null;
    }
    return { valueMinor: parsed.valueMinor, currency, valueDate };
  }

  documentLink(node: XNode, path: string): IatiDocumentLink | null {
    const url = this.required(node, path, 'url', 'document-link');
    if (url === null) {
      return null;
    }
    return this.track<IatiDocumentLink>(
      {
        url,
        format: this.attr(node, 'format') ?? '',
        title: this.childText(node, path, 'title'),
        description: this.childText(node, path, 'description'),
        categories: this.all(node, path, 'category')
          .map(([c, p]) => this.code(c, p, 'code'))
          .filter((c): c is string => c !== null),
        languages: this.all(node, path, 'language')
          .map(([c, p]) => this.language(this.code(c, p, 'code'), `${p}/@code`))
          .filter((c): c is string => c !== null),
        documentDate: this.childDate(node, path, 'document-date'),
      },
      path,
    );
  }

  documentLinks(node: XNode, path: string): IatiDocumentLink[] {
    return this.all(node, path, 'document-link')
      .map(([d, p]) => this.documentLink(d, p))
      .filter((d): d is IatiDocumentLink => d !== null);
  }

  dimensions(node: XNode, path: string): IatiDimension[] {
    return this.all(node, path, 'dimension').map(([d]) => ({
      name: this.attr(d, 'name') ?? '',
      value: this.attr(d, 'value') ?? '',
    }));
  }

  /** The value attribute of a baseline/target/actual as written (the codelist check tests numbers). */
  indicatorValue(node: XNode): string | null {
    const raw = this.attr(node, 'value');
    return raw === null || raw === '' ? null : raw;
  }

  periodValue(node: XNode, path: string): IatiPeriodValue {
    this.notImported(node, path, ['location']);
    return this.track<IatiPeriodValue>(
      {
        value: this.indicatorValue(node),
        dimensions: this.dimensions(node, path),
        comment: this.childText(node, path, 'comment'),
        documentLinks: this.documentLinks(node, path),
      },
      path,
    );
  }

  baseline(node: XNode, path: string): IatiBaseline | null {
    const rawYear = this.attr(node, 'year');
    const year = rawYear !== null && /^\d{1,4}$/.test(rawYear) ? Number(rawYear) : null;
    if (year === null || year < 1) {
      this.warn(`${path}/@year`, 'invalid_year', `'${rawYear ?? ''}' is not a year; the baseline is skipped`);
      return null;
    }
    this.notImported(node, path, ['location']);
    return this.track<IatiBaseline>(
      {
        year,
        isoDate: this.optionalDate(node, path, 'iso-date'),
        value: this.indicatorValue(node),
        dimensions: this.dimensions(node, path),
        documentLinks: this.documentLinks(node, path),
        comment: this.childText(node, path, 'comment'),
      },
      path,
    );
  }

  /** The iso-date of the single child `name` (period-start, transaction-date …), or null. */
  childDate(node: XNode, path: string, name: string): string | null {
    const child = this.one(node, path, name);
    return child ? this.date(child[0], child[1]) : null;
  }

  period(node: XNode, path: string): IatiIndicatorPeriod | null {
    const periodStart = this.childDate(node, path, 'period-start');
    const periodEnd = this.childDate(node, path, 'period-end');
    if (!periodStart || !periodEnd) {
      this.warn(path, 'incomplete_period', 'The period lacks a start or an end date; it is skipped');
      return null;
    }
    return this.track<IatiIndicatorPeriod>(
      {
        periodStart,
        periodEnd,
        targets: this.all(node, path, 'target').map(([t, p]) => this.periodValue(t, p)),
        actuals: this.all(node, path, 'actual').map(([a, p]) => this.periodValue(a, p)),
      },
      path,
    );
  }

  indicator(node: XNode, path: string): IatiIndicator {
    return this.track<IatiIndicator>(
      {
        measure: this.attr(node, 'measure') ?? '',
        ascending: this.boolean(node, path, 'ascending'),
        aggregationStatus: this.boolean(node, path, 'aggregation-status'),
        title: this.childText(node, path, 'title'),
        description: this.childText(node, path, 'description'),
        documentLinks: this.documentLinks(node, path),
        references: this.all(node, path, 'reference').map(([r, p]) =>
          this.track(
            {
              vocabulary: this.attr(r, 'vocabulary') ?? '',
              code: this.attr(r, 'code') ?? '',
              indicatorUri: this.attr(r, 'indicator-uri'),
            },
            p,
          ),
        ),
        baselines: this.all(node, path, 'baseline')
          .map(([b, p]) => this.baseline(b, p))
          .filter((b): b is IatiBaseline => b !== null),
        periods: this.all(node, path, 'period')
          .map(([b, p]) => this.period(b, p))
          .filter((b): b is IatiIndicatorPeriod => b !== null),
      },
      path,
    );
  }

  result(node: XNode, path: string): IatiResult {
    this.notImported(node, path, ['reference']);
    return this.track<IatiResult>(
      {
        type: this.attr(node, 'type') ?? '',
        aggregationStatus: this.boolean(node, path, 'aggregation-status'),
        title: this.childText(node, path, 'title'),
        description: this.childText(node, path, 'description'),
        documentLinks: this.documentLinks(node, path),
        indicators: this.all(node, path, 'indicator').map(([i, p]) => this.indicator(i, p)),
      },
      path,
    );
  }

  transactionOrg(
    node: XNode,
    path: string,
    name: 'provider-org' | 'receiver-org',
  ): IatiTransactionOrg | null {
    const found = this.one(node, path, name);
    if (!found) {
      return null;
    }
    const [org, p] = found;
    return {
      ref: this.attr(org, 'ref') || null,
      type: this.code(org, p, 'type'),
      activityId:
        this.attr(org, name === 'provider-org' ? 'provider-activity-id' : 'receiver-activity-id') || null,
      narratives: this.narratives(org, p),
    };
  }

  transaction(node: XNode, path: string): IatiTransaction | null {
    const typeNode = this.one(node, path, 'transaction-type');
    const type = typeNode ? this.required(typeNode[0], typeNode[1], 'code', 'transaction-type') : null;
    const date = this.childDate(node, path, 'transaction-date');
    if (type === null || date === null) {
      this.warn(path, 'incomplete_transaction', 'The transaction lacks a type or a date; it is skipped');
      return null;
    }
    const value = this.money(node, path, date);
    if (value === null) {
      return null;
    }
    this.others(node, path, TRANSACTION_CHILDREN_203, [
      'transaction-type',
      'transaction-date',
      'value',
      'description',
      'provider-org',
      'receiver-org',
    ]);
    return this.track<IatiTransaction>(
      {
        ref: this.attr(node, 'ref') || null,
        type,
        date,
        value,
        description: this.childText(node, path, 'description'),
        providerOrg: this.transactionOrg(node, path, 'provider-org'),
        receiverOrg: this.transactionOrg(node, path, 'receiver-org'),
      },
      path,
    );
  }

  budget(node: XNode, path: string): IatiBudget | null {
    const periodStart = this.childDate(node, path, 'period-start');
    const periodEnd = this.childDate(node, path, 'period-end');
    if (!periodStart || !periodEnd) {
      this.warn(path, 'incomplete_budget', 'The budget lacks a period start or end; it is skipped');
      return null;
    }
    const value = this.money(node, path, periodStart);
    if (value === null) {
      return null;
    }
    const type = this.code(node, path, 'type');
    const status = this.code(node, path, 'status');
    if (type === null) {
      this.warn(`${path}/@type`, 'budget_type_missing', 'No budget type: IATI reads it as 1 (Original)');
    }
    if (status === null) {
      this.warn(
        `${path}/@status`,
        'budget_status_missing',
        'No budget status: IATI reads it as 1 (Indicative)',
      );
    }
    return this.track<IatiBudget>({ type, status, periodStart, periodEnd, value }, path);
  }

  contact(node: XNode, path: string): IatiContactInfo {
    const texts = (name: string) =>
      this.all(node, path, name)
        .map(([n]) => n.text.trim())
        .filter((t) => t !== '');
    return this.track<IatiContactInfo>(
      {
        type: this.code(node, path, 'type'),
        organisation: this.childText(node, path, 'organisation'),
        department: this.childText(node, path, 'department'),
        personName: this.childText(node, path, 'person-name'),
        jobTitle: this.childText(node, path, 'job-title'),
        telephones: texts('telephone'),
        emails: texts('email'),
        websites: texts('website'),
        mailingAddresses: this.all(node, path, 'mailing-address').map(([n, p]) => this.narratives(n, p)),
      },
      path,
    );
  }

  /** The children `name` that have a code attribute, built by `build` (null skips one) and tracked. */
  coded<T extends object>(
    node: XNode,
    path: string,
    name: string,
    build: (child: XNode, childPath: string, code: string) => T | null,
  ): T[] {
    const out: T[] = [];
    for (const [child, childPath] of this.all(node, path, name)) {
      const code = this.required(child, childPath, 'code', name);
      const item = code === null ? null : build(child, childPath, code);
      if (item !== null) {
        out.push(this.track(item, childPath));
      }
    }
    return out;
  }

  /** Reports children of `node` named in `names` as known but not imported (one warning per name). */
  notImported(node: XNode, path: string, names: readonly string[]): void {
    for (const name of names) {
      const count = node.children.filter((c) => c.name === name).length;
      if (count > 0) {
        this.warn(
          `${path}/${name}`,
          'element_not_imported',
          `${count} ${name} element${count > 1 ? 's are' : ' is'} not imported (the platform does not keep them)`,
          String(count),
        );
      }
    }
  }

  /** Reports children that are not handled: known 2.03 ones as not imported, others as unknown. */
  others(node: XNode, path: string, known203: ReadonlySet<string>, handled: readonly string[]): void {
    const seen = new Set<string>();
    for (const child of node.children) {
      if (handled.includes(child.name) || seen.has(child.name)) {
        continue;
      }
      seen.add(child.name);
      if (known203.has(child.name)) {
        this.notImported(node, path, [child.name]);
      } else if (child.name.includes(':')) {
        this.warn(
          `${path}/${child.name}`,
          'extension_element_ignored',
          `${child.name} is an extension of another namespace; it is ignored`,
        );
      } else {
        this.warn(
          `${path}/${child.name}`,
          'unknown_element',
          `${child.name} is not part of IATI 2.03 (an older element or a typo); it is ignored`,
        );
      }
    }
  }

  activity(node: XNode, path: string): IatiActivity | null {
    const idNode = this.one(node, path, 'iati-identifier');
    const identifier = idNode?.[0].text.trim() ?? '';
    if (identifier === '') {
      return null;
    }
    const a = emptyIatiActivity(identifier);
    this.track(a, path);
    this.defaultCurrency = this.attr(node, 'default-currency')?.toUpperCase() || null;
    a.defaultCurrency = this.defaultCurrency;
    a.defaultLanguage = this.language(node.lang, `${path}/@xml:lang`);
    a.lastUpdatedDatetime = this.attr(node, 'last-updated-datetime') || null;
    const hierarchy = this.attr(node, 'hierarchy');
    if (hierarchy !== null && hierarchy !== '') {
      if (/^\d+$/.test(hierarchy)) {
        a.hierarchy = Number(hierarchy);
      } else {
        this.warn(
          `${path}/@hierarchy`,
          'invalid_hierarchy',
          `'${hierarchy}' is not a level number`,
          hierarchy,
        );
      }
    }
    a.humanitarian = this.boolean(node, path, 'humanitarian');

    const reporting = this.one(node, path, 'reporting-org');
    if (reporting) {
      const [r, p] = reporting;
      a.reportingOrg = {
        ref: this.required(r, p, 'ref', 'reporting-org') ?? '',
        type: this.code(r, p, 'type'),
        secondaryReporter: this.boolean(r, p, 'secondary-reporter'),
        narratives: this.narratives(r, p),
      };
    } else {
      this.warn(`${path}/reporting-org`, 'missing_element', 'The activity has no reporting-org');
    }
    a.title = this.childText(node, path, 'title');
    if (a.title.length === 0) {
      this.warn(`${path}/title`, 'missing_title', 'The activity has no title');
    }
    a.descriptions = this.all(node, path, 'description').map(([d, p]) =>
      this.track({ type: this.code(d, p, 'type'), narratives: this.narratives(d, p) }, p),
    );
    for (const [p, pPath] of this.all(node, path, 'participating-org')) {
      let role = this.required(p, pPath, 'role', 'participating-org');
      if (role !== null && LEGACY_ROLES[role.toLowerCase()]) {
        const mapped = LEGACY_ROLES[role.toLowerCase()] ?? role;
        this.warn(`${pPath}/@role`, 'legacy_code_mapped', `IATI 1.x role '${role}' read as ${mapped}`, role);
        role = mapped;
      }
      if (role === null) {
        continue;
      }
      a.participatingOrgs.push(
        this.track(
          {
            role,
            ref: this.attr(p, 'ref') || null,
            type: this.code(p, pPath, 'type'),
            activityId: this.attr(p, 'activity-id') || null,
            narratives: this.narratives(p, pPath),
          },
          pPath,
        ),
      );
    }
    for (const [o, oPath] of this.all(node, path, 'other-identifier')) {
      const ref = this.required(o, oPath, 'ref', 'other-identifier');
      if (ref === null) {
        continue;
      }
      const owner = this.one(o, oPath, 'owner-org');
      a.otherIdentifiers.push(
        this.track(
          {
            ref,
            type: this.attr(o, 'type') ?? '',
            ownerOrg: owner
              ? { ref: this.attr(owner[0], 'ref') || null, narratives: this.narratives(owner[0], owner[1]) }
              : null,
          },
          oPath,
        ),
      );
    }
    const status = this.one(node, path, 'activity-status');
    a.status = status ? this.code(status[0], status[1], 'code') : null;
    if (a.status === null) {
      this.warn(`${path}/activity-status`, 'missing_status', 'The activity has no activity-status code');
    }
    for (const [d, dPath] of this.all(node, path, 'activity-date')) {
      let type = this.required(d, dPath, 'type', 'activity-date');
      if (type !== null && LEGACY_DATE_TYPES[type]) {
        const mapped = LEGACY_DATE_TYPES[type] ?? type;
        this.warn(
          `${dPath}/@type`,
          'legacy_code_mapped',
          `IATI 1.x date type '${type}' read as ${mapped}`,
          type,
        );
        type = mapped;
      }
      const isoDate = this.date(d, dPath);
      if (type === null || isoDate === null) {
        continue;
      }
      a.dates.push(this.track({ type, isoDate, narratives: this.narratives(d, dPath) }, dPath));
    }
    a.contacts = this.all(node, path, 'contact-info').map(([c, p]) => this.contact(c, p));
    const scope = this.one(node, path, 'activity-scope');
    a.activityScope = scope ? this.code(scope[0], scope[1], 'code') : null;
    a.recipientCountries = this.coded(node, path, 'recipient-country', (c, p, code) => ({
      code: code.toUpperCase(),
      percentage: this.percentage(c, p),
      narratives: this.narratives(c, p),
    }));
    a.recipientRegions = this.coded(node, path, 'recipient-region', (r, p, code) => ({
      code,
      vocabulary: this.code(r, p, 'vocabulary'),
      vocabularyUri: this.attr(r, 'vocabulary-uri') || null,
      percentage: this.percentage(r, p),
      narratives: this.narratives(r, p),
    }));
    a.sectors = this.coded(node, path, 'sector', (sector, p, code) => ({
      vocabulary: this.code(sector, p, 'vocabulary'),
      vocabularyUri: this.attr(sector, 'vocabulary-uri') || null,
      code,
      percentage: this.percentage(sector, p),
      narratives: this.narratives(sector, p),
    }));
    a.tags = this.coded(node, path, 'tag', (t, p, code) => {
      const vocabulary = this.required(t, p, 'vocabulary', 'tag');
      return vocabulary === null
        ? null
        : {
            vocabulary,
            vocabularyUri: this.attr(t, 'vocabulary-uri') || null,
            code,
            narratives: this.narratives(t, p),
          };
    });
    const single = (name: string) => {
      const found = this.one(node, path, name);
      return found ? this.code(found[0], found[1], 'code') : null;
    };
    a.collaborationType = single('collaboration-type');
    a.defaultFlowType = single('default-flow-type');
    a.defaultFinanceType = single('default-finance-type');
    a.defaultTiedStatus = single('default-tied-status');
    for (const [d, dPath] of this.all(node, path, 'default-aid-type')) {
      const code = this.code(d, dPath, 'code');
      if (code !== null) {
        a.defaultAidTypes.push(this.track({ code, vocabulary: this.code(d, dPath, 'vocabulary') }, dPath));
      }
    }
    for (const [b, bPath] of this.all(node, path, 'budget')) {
      const budget = this.budget(b, bPath);
      if (budget) {
        a.budgets.push(budget);
      }
    }
    for (const [t, tPath] of this.all(node, path, 'transaction')) {
      const transaction = this.transaction(t, tPath);
      if (transaction) {
        a.transactions.push(transaction);
      }
    }
    a.documentLinks = this.documentLinks(node, path);
    for (const [r, rPath] of this.all(node, path, 'related-activity')) {
      const ref = this.required(r, rPath, 'ref', 'related-activity');
      const type = this.required(r, rPath, 'type', 'related-activity');
      if (ref !== null && type !== null) {
        a.relatedActivities.push(this.track({ ref, type }, rPath));
      }
    }
    a.results = this.all(node, path, 'result').map(([r, p]) => this.result(r, p));
    this.others(node, path, ACTIVITY_CHILDREN_203, [
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'participating-org',
      'other-identifier',
      'activity-status',
      'activity-date',
      'contact-info',
      'activity-scope',
      'recipient-country',
      'recipient-region',
      'sector',
      'tag',
      'collaboration-type',
      'default-flow-type',
      'default-finance-type',
      'default-aid-type',
      'default-tied-status',
      'budget',
      'transaction',
      'document-link',
      'related-activity',
      'result',
    ]);
    return a;
  }
}

/** Decodes bytes as the encoding the XML declaration names (UTF-8 by default). */
function decode(input: string | Uint8Array): { text: string } | { error: string } {
  if (typeof input === 'string') {
    return { text: input.replace(/^\uFEFF/, '') };
  }
  const head = new TextDecoder('latin1').decode(input.subarray(0, 200));
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(input).replace(/^\uFEFF/, '') };
  } catch {
    return { error: `The file is not valid ${encoding}` };
  }
}

/**
 * Parses an IATI activities file (2.01-2.03). See the module comment for what is a warning and
 * what is an error. Paths look like '/iati-activities/iati-activity[2]/sector[1]/@code'.
 */
export function parseIatiActivities(input: string | Uint8Array): IatiParseResult {
  const fail = (error: IatiImportMessage): IatiParseResult => ({
    version: null,
    activities: [],
    warnings: [],
    errors: [error],
  });
  const decoded = decode(input);
  if ('error' in decoded) {
    return fail({ path: '/', code: 'unreadable_xml', message: decoded.error });
  }
  const xml = decoded.text;
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    // IATI needs no document type; entity expansion is a denial-of-service vector.
    return fail({ path: '/', code: 'doctype_not_allowed', message: 'IATI files must not declare a DOCTYPE' });
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return fail({
      path: '/',
      code: 'unreadable_xml',
      message: valid.err.msg,
      line: valid.err.line,
      column: valid.err.col,
    });
  }
  let ordered: Ordered[];
  try {
    ordered = parser.parse(xml) as Ordered[];
  } catch (err) {
    // The validator lets some damage through that the parser throws on (found by fuzzing: a NUL
    // inside the XML declaration).
    return fail({ path: '/', code: 'unreadable_xml', message: (err as Error).message });
  }
  const root = buildTree(ordered, null)[0];
  if (root?.name !== 'iati-activities') {
    return fail({
      path: `/${root?.name ?? ''}`,
      code: 'not_iati_activities',
      message: `The root element is ${root ? `'${root.name}'` : 'missing'}, not 'iati-activities'`,
    });
  }
  const version = root.attrs.version?.trim() || null;
  const result: IatiParseResult = { version, activities: [], warnings: [], errors: [] };
  if (version !== null && /^1\./.test(version)) {
    result.errors.push({
      path: '/iati-activities/@version',
      code: 'unsupported_version',
      message: `IATI ${version} files are not supported; IATI 2.01 to 2.03 are`,
      value: version,
    });
    return result;
  }
  if (version === null) {
    result.warnings.push({
      path: '/iati-activities/@version',
      code: 'missing_version',
      message: 'The file does not say its IATI version; it is read as 2.03',
    });
  } else if (!(SUPPORTED_IATI_VERSIONS as readonly string[]).includes(version)) {
    result.warnings.push({
      path: '/iati-activities/@version',
      code: 'unknown_version',
      message: `IATI version ${version} is read as 2.03`,
      value: version,
    });
  }
  const sourcePaths = new WeakMap<object, string>();
  const reader = new ActivityReader(sourcePaths);
  const activities = root.children.filter((c) => c.name === 'iati-activity');
  if (activities.length === 0) {
    result.errors.push({
      path: '/iati-activities',
      code: 'no_activities',
      message: 'The file holds no iati-activity element',
    });
  }
  activities.forEach((node, i) => {
    const path = `/iati-activities/iati-activity[${i + 1}]`;
    const activity = reader.activity(node, path);
    if (!activity) {
      result.errors.push({
        path: `${path}/iati-identifier`,
        code: 'missing_identifier',
        message: 'The activity has no iati-identifier; it is skipped',
      });
      return;
    }
    result.activities.push(activity);
    for (const p of [
      ...checkActivityCodes(activity, { sourcePaths }),
      ...checkActivityRules(activity, { sourcePaths }),
    ]) {
      reader.warn(p.path, p.code, p.message, p.value);
    }
  });
  result.warnings.push(...reader.warnings);
  return result;
}
