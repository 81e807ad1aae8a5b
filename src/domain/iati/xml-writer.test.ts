import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { emptyIatiActivity } from './activity.js';
import { richIatiActivity } from './testing/rich-activity.js';
import { buildIatiActivitiesXml } from './xml-writer.js';

type Ordered = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });

/** Element children of the first element named `name` found depth-first. */
function find(nodes: Ordered[], name: string): Ordered | null {
  for (const n of nodes) {
    if (name in n) {
      return n;
    }
    for (const [k, v] of Object.entries(n)) {
      if (k !== ':@' && Array.isArray(v)) {
        const hit = find(v as Ordered[], name);
        if (hit) {
          return hit;
        }
      }
    }
  }
  return null;
}
const childNames = (node: Ordered | null, name: string) =>
  ((node?.[name] as Ordered[] | undefined) ?? [])
    .map((c) => Object.keys(c).find((k) => k !== ':@') ?? '')
    .filter((k) => k !== '#text');

const build = () =>
  buildIatiActivitiesXml([richIatiActivity()], { generatedDatetime: '2025-02-01T08:00:00Z' });

describe('buildIatiActivitiesXml', () => {
  it('writes the root with version 2.03, generated-datetime and the activity defaults', () => {
    const xml = buildIatiActivitiesXml([richIatiActivity()], {
      generatedDatetime: '2025-02-01T08:00:00Z',
      linkedDataDefault: 'https://college.example.org/iati/',
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain(
      '<iati-activities version="2.03" generated-datetime="2025-02-01T08:00:00Z" linked-data-default="https://college.example.org/iati/">',
    );
    expect(xml).toContain(
      '<iati-activity last-updated-datetime="2025-01-15T09:00:00Z" xml:lang="en" default-currency="CNY" humanitarian="false" hierarchy="1">',
    );
  });

  it('writes the activity children in the order of the 2.03 schema sequence', () => {
    const doc = parser.parse(build()) as Ordered[];
    expect(childNames(find(doc, 'iati-activity'), 'iati-activity')).toEqual([
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'description',
      'participating-org',
      'participating-org',
      'participating-org',
      'other-identifier',
      'activity-status',
      'activity-date',
      'activity-date',
      'activity-date',
      'activity-date',
      'contact-info',
      'activity-scope',
      'recipient-country',
      'recipient-country',
      'recipient-region',
      'sector',
      'sector',
      'sector',
      'tag',
      'tag',
      'collaboration-type',
      'default-flow-type',
      'default-finance-type',
      'default-aid-type',
      'default-aid-type',
      'default-tied-status',
      'budget',
      'budget',
      'budget',
      'transaction',
      'transaction',
      'transaction',
      'document-link',
      'related-activity',
      'result',
    ]);
    expect(childNames(find(doc, 'transaction'), 'transaction')).toEqual([
      'transaction-type',
      'transaction-date',
      'value',
      'description',
      'provider-org',
      'receiver-org',
    ]);
    expect(childNames(find(doc, 'contact-info'), 'contact-info')).toEqual([
      'organisation',
      'department',
      'person-name',
      'job-title',
      'telephone',
      'email',
      'website',
      'mailing-address',
    ]);
    expect(childNames(find(doc, 'indicator'), 'indicator')).toEqual([
      'title',
      'description',
      'reference',
      'baseline',
      'period',
    ]);
    // baseline: dimension, document-link, comment; actual: dimension, comment, document-link.
    expect(childNames(find(doc, 'baseline'), 'baseline')).toEqual(['dimension', 'comment']);
    expect(childNames(find(doc, 'actual'), 'actual')).toEqual(['dimension', 'comment', 'document-link']);
    expect(childNames(find(doc, 'document-link'), 'document-link')).toEqual([
      'title',
      'description',
      'category',
      'category',
      'language',
      'language',
      'document-date',
    ]);
  });

  it('marks only narratives outside the default language with xml:lang, and escapes text', () => {
    const xml = build();
    expect(xml).toContain(
      '<narrative>Seminar on TVET management for officials from partner countries</narrative>',
    );
    expect(xml).toContain('<narrative xml:lang="zh">发展中国家职业教育管理官员研修班</narrative>');
    expect(xml).toContain(
      '<narrative xml:lang="ar">حلقة دراسية حول إدارة التعليم والتدريب التقني والمهني لمسؤولي الدول الشريكة</narrative>',
    );
    expect(xml).toContain('<narrative>Example Vocational &amp; Technical College</narrative>');
    expect(xml).toContain('teachers &lt;in Tianjin&gt;.</narrative>');
    expect(xml).not.toContain('<narrative xml:lang="en"');
  });

  it('writes money from minor units with the currency exponent, exactly', () => {
    const xml = build();
    expect(xml).toContain('<value currency="CNY" value-date="2025-01-01">600000.00</value>');
    expect(xml).toContain('<value currency="CNY" value-date="2025-06-30">650123.45</value>');
    expect(xml).toContain('<value currency="JPY" value-date="2026-01-01">1500000</value>');
    expect(xml).toContain('<value currency="KWD" value-date="2025-03-26">-1.234</value>');
    expect(xml).toContain('<recipient-country code="KE" percentage="33.33"/>');
    expect(xml).toContain('<sector vocabulary="1" code="11130" percentage="40"/>');
  });

  it('leaves out absent optional parts instead of writing empty attributes', () => {
    const a = emptyIatiActivity('CN-USCI-000000000000000000-X');
    a.title = [{ lang: null, text: 'Only a title' }];
    const xml = buildIatiActivitiesXml([a], {
      generatedDatetime: '2025-02-01T08:00:00Z',
      prettyPrint: false,
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03" generated-datetime="2025-02-01T08:00:00Z">' +
        '<iati-activity><iati-identifier>CN-USCI-000000000000000000-X</iati-identifier>' +
        '<title><narrative>Only a title</narrative></title></iati-activity></iati-activities>',
    );
  });
});
