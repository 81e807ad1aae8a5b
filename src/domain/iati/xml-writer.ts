/**
 * IATI 2.03 `iati-activities` XML from IatiActivity values.
 *
 * Child elements are written in the order of the `xsd:sequence` of the 2.03 activity schema
 * (iati-activities-schema.xsd and iati-common.xsd, IATI-Schemas branch `version-2.03`); that order
 * is what the XSD validates, so it must not be changed here without reading the schema. Money is
 * written from integer minor units with the currency's ISO 4217 exponent ("412500.00"), exactly.
 * Narratives carry xml:lang only when their language differs from the activity's default language.
 *
 * Pure: the generation time is a parameter. The result is a UTF-8 XML document as a string; the
 * caller validates it against the XSD (src/server/platform/iati/validate-xsd.ts) before offering it.
 */
import { create } from 'xmlbuilder2';
import type {
  IatiActivity,
  IatiBaseline,
  IatiContactInfo,
  IatiDimension,
  IatiDocumentLink,
  IatiIndicator,
  IatiMoney,
  IatiPeriodValue,
  IatiResult,
  IatiText,
  IatiTransaction,
  IatiTransactionOrg,
} from './activity.js';
import { formatIatiDecimal, minorToIatiDecimal } from './money.js';

export interface BuildIatiXmlOptions {
  /** xsd:dateTime of the export, e.g. '2025-01-15T09:00:00Z' (the caller reads the clock). */
  generatedDatetime: string;
  /** The base URI of linked-data identifiers for the activities, when the publisher has one. */
  linkedDataDefault?: string;
  /** Indent the output (default true). Narrative texts are never re-indented. */
  prettyPrint?: boolean;
}

export const IATI_VERSION = '2.03';

type XMLBuilder = ReturnType<typeof create>;

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Attributes with their null/undefined values left out; booleans as 'true'/'false'. */
function attrs(values: Attrs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) {
      out[name] = typeof value === 'string' ? value : String(value);
    }
  }
  return out;
}

class ActivityWriter {
  constructor(private readonly defaultLanguage: string | null) {}

  narratives(parent: XMLBuilder, text: IatiText): void {
    for (const n of text) {
      const el = parent.ele('narrative');
      if (n.lang !== null && n.lang !== this.defaultLanguage) {
        el.att('xml:lang', n.lang);
      }
      el.txt(n.text);
    }
  }

  /** An element whose content is narratives; left out entirely when `text` is empty. */
  textElement(parent: XMLBuilder, name: string, text: IatiText, attributes: Attrs = {}): void {
    if (text.length === 0) {
      return;
    }
    this.narratives(parent.ele(name, attrs(attributes)), text);
  }

  value(parent: XMLBuilder, money: IatiMoney): void {
    parent
      .ele('value', { currency: money.currency, 'value-date': money.valueDate })
      .txt(minorToIatiDecimal(money.valueMinor, money.currency));
  }

  documentLink(parent: XMLBuilder, link: IatiDocumentLink): void {
    const el = parent.ele('document-link', { url: link.url, format: link.format });
    this.narratives(el.ele('title'), link.title);
    this.textElement(el, 'description', link.description);
    for (const code of link.categories) {
      el.ele('category', { code });
    }
    for (const code of link.languages) {
      el.ele('language', { code });
    }
    if (link.documentDate) {
      el.ele('document-date', { 'iso-date': link.documentDate });
    }
  }

  contact(parent: XMLBuilder, contact: IatiContactInfo): void {
    const el = parent.ele('contact-info', attrs({ type: contact.type }));
    this.textElement(el, 'organisation', contact.organisation);
    this.textElement(el, 'department', contact.department);
    this.textElement(el, 'person-name', contact.personName);
    this.textElement(el, 'job-title', contact.jobTitle);
    for (const phone of contact.telephones) {
      el.ele('telephone').txt(phone);
    }
    for (const email of contact.emails) {
      el.ele('email').txt(email);
    }
    for (const website of contact.websites) {
      el.ele('website').txt(website);
    }
    for (const address of contact.mailingAddresses) {
      this.textElement(el, 'mailing-address', address);
    }
  }

  transactionOrg(parent: XMLBuilder, name: 'provider-org' | 'receiver-org', org: IatiTransactionOrg | null) {
    if (!org) {
      return;
    }
    const idAttr = name === 'provider-org' ? 'provider-activity-id' : 'receiver-activity-id';
    const el = parent.ele(name, attrs({ ref: org.ref, [idAttr]: org.activityId, type: org.type }));
    this.narratives(el, org.narratives);
  }

  transaction(parent: XMLBuilder, t: IatiTransaction): void {
    const el = parent.ele('transaction', attrs({ ref: t.ref }));
    el.ele('transaction-type', { code: t.type });
    el.ele('transaction-date', { 'iso-date': t.date });
    this.value(el, t.value);
    this.textElement(el, 'description', t.description);
    this.transactionOrg(el, 'provider-org', t.providerOrg);
    this.transactionOrg(el, 'receiver-org', t.receiverOrg);
  }

  dimensions(parent: XMLBuilder, dimensions: readonly IatiDimension[]): void {
    for (const d of dimensions) {
      parent.ele('dimension', { name: d.name, value: d.value });
    }
  }

  baseline(parent: XMLBuilder, b: IatiBaseline): void {
    // Sequence: location*, dimension*, document-link*, comment?
    const el = parent.ele('baseline', attrs({ year: b.year, 'iso-date': b.isoDate, value: b.value }));
    this.dimensions(el, b.dimensions);
    for (const link of b.documentLinks) {
      this.documentLink(el, link);
    }
    this.textElement(el, 'comment', b.comment);
  }

  periodValue(parent: XMLBuilder, name: 'target' | 'actual', v: IatiPeriodValue): void {
    // Sequence: location*, dimension*, comment?, document-link*
    const el = parent.ele(name, attrs({ value: v.value }));
    this.dimensions(el, v.dimensions);
    this.textElement(el, 'comment', v.comment);
    for (const link of v.documentLinks) {
      this.documentLink(el, link);
    }
  }

  indicator(parent: XMLBuilder, indicator: IatiIndicator): void {
    // Sequence: title, description?, document-link*, reference*, baseline*, period*
    const el = parent.ele(
      'indicator',
      attrs({
        measure: indicator.measure,
        ascending: indicator.ascending,
        'aggregation-status': indicator.aggregationStatus,
      }),
    );
    this.narratives(el.ele('title'), indicator.title);
    this.textElement(el, 'description', indicator.description);
    for (const link of indicator.documentLinks) {
      this.documentLink(el, link);
    }
    for (const r of indicator.references) {
      el.ele('reference', attrs({ vocabulary: r.vocabulary, code: r.code, 'indicator-uri': r.indicatorUri }));
    }
    for (const b of indicator.baselines) {
      this.baseline(el, b);
    }
    for (const p of indicator.periods) {
      const period = el.ele('period');
      period.ele('period-start', { 'iso-date': p.periodStart });
      period.ele('period-end', { 'iso-date': p.periodEnd });
      for (const t of p.targets) {
        this.periodValue(period, 'target', t);
      }
      for (const a of p.actuals) {
        this.periodValue(period, 'actual', a);
      }
    }
  }

  result(parent: XMLBuilder, result: IatiResult): void {
    // Sequence: title, description?, document-link*, reference*, indicator+
    const el = parent.ele(
      'result',
      attrs({ type: result.type, 'aggregation-status': result.aggregationStatus }),
    );
    this.narratives(el.ele('title'), result.title);
    this.textElement(el, 'description', result.description);
    for (const link of result.documentLinks) {
      this.documentLink(el, link);
    }
    for (const indicator of result.indicators) {
      this.indicator(el, indicator);
    }
  }

  activity(parent: XMLBuilder, a: IatiActivity): void {
    const el = parent.ele(
      'iati-activity',
      attrs({
        'last-updated-datetime': a.lastUpdatedDatetime,
        'xml:lang': a.defaultLanguage,
        'default-currency': a.defaultCurrency,
        humanitarian: a.humanitarian,
        hierarchy: a.hierarchy,
      }),
    );
    el.ele('iati-identifier').txt(a.identifier);
    if (a.reportingOrg) {
      const org = a.reportingOrg;
      const rep = el.ele(
        'reporting-org',
        attrs({ ref: org.ref, type: org.type, 'secondary-reporter': org.secondaryReporter }),
      );
      this.narratives(rep, org.narratives);
    }
    this.narratives(el.ele('title'), a.title);
    for (const d of a.descriptions) {
      this.narratives(el.ele('description', attrs({ type: d.type })), d.narratives);
    }
    for (const p of a.participatingOrgs) {
      const org = el.ele(
        'participating-org',
        attrs({ ref: p.ref, type: p.type, role: p.role, 'activity-id': p.activityId }),
      );
      this.narratives(org, p.narratives);
    }
    for (const o of a.otherIdentifiers) {
      const other = el.ele('other-identifier', { ref: o.ref, type: o.type });
      if (o.ownerOrg) {
        this.narratives(other.ele('owner-org', attrs({ ref: o.ownerOrg.ref })), o.ownerOrg.narratives);
      }
    }
    if (a.status !== null) {
      el.ele('activity-status', { code: a.status });
    }
    for (const d of a.dates) {
      this.narratives(el.ele('activity-date', { type: d.type, 'iso-date': d.isoDate }), d.narratives);
    }
    for (const c of a.contacts) {
      this.contact(el, c);
    }
    if (a.activityScope !== null) {
      el.ele('activity-scope', { code: a.activityScope });
    }
    for (const c of a.recipientCountries) {
      const country = el.ele(
        'recipient-country',
        attrs({ code: c.code, percentage: c.percentage === null ? null : formatIatiDecimal(c.percentage) }),
      );
      this.narratives(country, c.narratives);
    }
    for (const r of a.recipientRegions) {
      const region = el.ele(
        'recipient-region',
        attrs({
          code: r.code,
          vocabulary: r.vocabulary,
          'vocabulary-uri': r.vocabularyUri,
          percentage: r.percentage === null ? null : formatIatiDecimal(r.percentage),
        }),
      );
      this.narratives(region, r.narratives);
    }
    for (const s of a.sectors) {
      const sector = el.ele(
        'sector',
        attrs({
          vocabulary: s.vocabulary,
          'vocabulary-uri': s.vocabularyUri,
          code: s.code,
          percentage: s.percentage === null ? null : formatIatiDecimal(s.percentage),
        }),
      );
      this.narratives(sector, s.narratives);
    }
    for (const t of a.tags) {
      const tag = el.ele(
        'tag',
        attrs({ vocabulary: t.vocabulary, 'vocabulary-uri': t.vocabularyUri, code: t.code }),
      );
      this.narratives(tag, t.narratives);
    }
    if (a.collaborationType !== null) {
      el.ele('collaboration-type', { code: a.collaborationType });
    }
    if (a.defaultFlowType !== null) {
      el.ele('default-flow-type', { code: a.defaultFlowType });
    }
    if (a.defaultFinanceType !== null) {
      el.ele('default-finance-type', { code: a.defaultFinanceType });
    }
    for (const aid of a.defaultAidTypes) {
      el.ele('default-aid-type', attrs({ code: aid.code, vocabulary: aid.vocabulary }));
    }
    if (a.defaultTiedStatus !== null) {
      el.ele('default-tied-status', { code: a.defaultTiedStatus });
    }
    for (const b of a.budgets) {
      const budget = el.ele('budget', attrs({ type: b.type, status: b.status }));
      budget.ele('period-start', { 'iso-date': b.periodStart });
      budget.ele('period-end', { 'iso-date': b.periodEnd });
      this.value(budget, b.value);
    }
    for (const t of a.transactions) {
      this.transaction(el, t);
    }
    for (const link of a.documentLinks) {
      this.documentLink(el, link);
    }
    for (const r of a.relatedActivities) {
      el.ele('related-activity', { ref: r.ref, type: r.type });
    }
    for (const r of a.results) {
      this.result(el, r);
    }
  }
}

/**
 * An `<iati-activities version="2.03">` document holding `activities` in the given order.
 * Elements the activity lacks are left out; required ones that are missing (no title narrative,
 * no participating-org, …) make the document fail the XSD, which the caller checks.
 */
export function buildIatiActivitiesXml(
  activities: readonly IatiActivity[],
  options: BuildIatiXmlOptions,
): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(
    'iati-activities',
    attrs({
      version: IATI_VERSION,
      'generated-datetime': options.generatedDatetime,
      'linked-data-default': options.linkedDataDefault,
    }),
  );
  for (const activity of activities) {
    new ActivityWriter(activity.defaultLanguage).activity(root, activity);
  }
  return doc.end({ prettyPrint: options.prettyPrint ?? true, indent: '  ' });
}
