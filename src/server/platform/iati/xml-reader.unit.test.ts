import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IatiActivity } from '../../../domain/iati/activity.js';
import { richIatiActivity } from '../../../domain/iati/testing/rich-activity.js';
import { buildIatiActivitiesXml } from '../../../domain/iati/xml-writer.js';
import { validateIatiActivitiesXml } from './validate-xsd.js';
import { parseIatiActivities } from './xml-reader.js';

// CI clones the repository next to the `shared` folder: fixtures are found from the repo root.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const shared = path.resolve(repoRoot, '../shared/fixtures');
const FI = path.join(shared, 'iati-real/iati-real-FI-3-teacher-education-2.03.xml');
const ES = path.join(shared, 'iati-real/iati-real-ES-vocational-11330-2.01.xml');

const A = '/iati-activities/iati-activity[1]';
const codesOf = (r: ReturnType<typeof parseIatiActivities>) => r.warnings.map((w) => [w.path, w.code]);

/** What an import must keep: identifiers, titles in every language, sectors, countries, dates, budgets. */
const kept = (a: IatiActivity) => ({
  identifier: a.identifier,
  title: a.title,
  sectors: a.sectors,
  countries: a.recipientCountries,
  regions: a.recipientRegions,
  dates: a.dates,
  budgets: a.budgets,
});

async function roundTrip(file: string) {
  const first = parseIatiActivities(readFileSync(file));
  expect(first.errors).toEqual([]);
  const xml = buildIatiActivitiesXml(first.activities, { generatedDatetime: '2025-02-01T08:00:00Z' });
  expect(await validateIatiActivitiesXml(xml)).toEqual({ valid: true, errors: [] });
  const second = parseIatiActivities(xml);
  expect(second.errors).toEqual([]);
  return { first, second };
}

describe('parseIatiActivities on the real FI-3 file (IATI 2.03)', () => {
  it('reads it, writes it again as valid 2.03 XML and reads back the same activity', async () => {
    const { first, second } = await roundTrip(FI);
    expect(first.version).toBe('2.03');
    const [a] = first.activities;
    expect(a).toBeDefined();
    if (!a) {
      return;
    }
    expect(kept(a)).toEqual({
      identifier: 'FI-3-2020- 2020000161',
      title: [
        { lang: 'en', text: 'Promoting Gender Equality in Eritrea through Teacher Education' },
        {
          lang: 'fi',
          text: 'Sukupuolten valisen tasa-arvon edistaminen Eritreassa opettajankoulutuksen avulla',
        },
      ],
      sectors: [{ vocabulary: '1', vocabularyUri: null, code: '11130', percentage: 100, narratives: [] }],
      countries: [{ code: 'ER', percentage: 100, narratives: [] }],
      regions: [],
      dates: [
        {
          type: '2',
          isoDate: '2020-04-02',
          narratives: [{ lang: 'en', text: 'Actual start date of the activity' }],
        },
        {
          type: '3',
          isoDate: '2021-12-31',
          narratives: [{ lang: 'en', text: 'Planned end date of the activity' }],
        },
      ],
      budgets: [
        {
          type: null,
          status: '1',
          periodStart: '2020-01-01',
          periodEnd: '2020-12-31',
          value: { valueMinor: 2_156_400, currency: 'EUR', valueDate: '2020-01-01' },
        },
      ],
    });
    // The transaction value has no currency of its own: it takes default-currency EUR.
    expect(a.transactions[0]?.value).toEqual({
      valueMinor: 2_156_400,
      currency: 'EUR',
      valueDate: '2020-01-01',
    });
    // Narratives that break mid-word keep their line breaks exactly.
    const raw = readFileSync(FI, 'utf8');
    expect(a.descriptions[0]?.narratives[0]?.text).toBe(
      raw.slice(
        raw.indexOf('\nThe project contributes'),
        raw.indexOf('</narrative>', raw.indexOf('The project')),
      ),
    );
    expect(a.tags.map((t) => [t.vocabulary, t.code])).toEqual([
      ['99', 'Priority area 1, secondary'],
      ['99', 'Priority area 3, primary'],
      ['99', '0'],
      ['99', '2430668'],
      ['3', '4.c'],
      ['2', '5'],
    ]);
    expect(second.activities).toEqual(first.activities);
  });

  it('warns about its quirks instead of failing', () => {
    expect(codesOf(parseIatiActivities(readFileSync(FI)))).toEqual([
      [`${A}/budget[1]/@type`, 'budget_type_missing'],
      [`${A}/policy-marker`, 'element_not_imported'],
      [`${A}/capital-spend`, 'element_not_imported'],
      [`${A}/iati-identifier`, 'identifier_has_spaces'],
      [`${A}/participating-org[2]/@ref`, 'not_an_org_id'],
    ]);
  });
});

describe('parseIatiActivities on the real ES file (IATI 2.01)', () => {
  it('reads it, writes it again as valid 2.03 XML and reads back the same activity', async () => {
    const { first, second } = await roundTrip(ES);
    expect(first.version).toBe('2.01');
    const [a] = first.activities;
    expect(a).toBeDefined();
    if (!a) {
      return;
    }
    expect(kept(a)).toEqual({
      identifier: 'ES-DIR3-E04585801-009-041439',
      title: [{ lang: 'es', text: 'EQ. EDUCATIVO PARA ESCUELAS DE ARTE Y ARTESANIA INDUSTRIAL' }],
      sectors: [{ vocabulary: '1', vocabularyUri: null, code: '11330', percentage: null, narratives: [] }],
      countries: [{ code: 'ID', percentage: 100, narratives: [] }],
      regions: [{ code: '789', vocabulary: '1', vocabularyUri: null, percentage: null, narratives: [] }],
      dates: [
        { type: '1', isoDate: '1999-01-01', narratives: [] },
        { type: '3', isoDate: '2020-12-31', narratives: [] },
      ],
      budgets: [
        {
          type: null,
          status: null,
          periodStart: '2011-01-01',
          periodEnd: '2011-12-31',
          value: { valueMinor: -63_628_127, currency: 'EUR', valueDate: '2011-01-01' },
        },
      ],
    });
    // xml:lang on participating-org is inherited by its narratives.
    expect(a.participatingOrgs.map((p) => [p.role, p.ref, p.narratives[0]?.lang])).toEqual([
      ['1', null, 'en'],
      ['3', '60', 'es'],
      ['4', '709', 'es'],
      ['2', '60', 'es'],
    ]);
    expect(a.defaultTiedStatus).toBeNull();
    expect(a.transactions.map((t) => [t.type, t.value.valueMinor])).toEqual([
      ['2', 0],
      ['3', -63_628_127],
    ]);
    expect(second.activities).toEqual(first.activities);
  });

  it('warns about its quirks instead of failing', () => {
    expect(codesOf(parseIatiActivities(readFileSync(ES)))).toEqual([
      [`${A}/default-tied-status/@code`, 'empty_code'],
      [`${A}/budget[1]/@type`, 'budget_type_missing'],
      [`${A}/budget[1]/@status`, 'budget_status_missing'],
      [`${A}/policy-marker`, 'element_not_imported'],
      [`${A}/planned-disbursement`, 'element_not_imported'],
      [`${A}/participating-org[2]/@ref`, 'not_an_org_id'],
      [`${A}/participating-org[3]/@ref`, 'not_an_org_id'],
      [`${A}/participating-org[4]/@ref`, 'not_an_org_id'],
      [`${A}/recipient-country`, 'percentage_missing'],
      [`${A}/budget[1]/value`, 'negative_budget'],
    ]);
  });
});

describe('parseIatiActivities', () => {
  it('reads back exactly what the writer wrote for an activity with every element, without warnings', () => {
    const rich = richIatiActivity();
    const parsed = parseIatiActivities(
      buildIatiActivitiesXml([rich], { generatedDatetime: '2025-02-01T08:00:00Z' }),
    );
    expect(parsed).toEqual({ version: '2.03', activities: [rich], warnings: [], errors: [] });
  });

  it('reads the valid sample without warnings', () => {
    const parsed = parseIatiActivities(
      readFileSync(path.join(shared, 'iati-2.03/samples/valid-activity.xml')),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.activities[0]?.results[0]?.indicators[0]?.periods[0]?.actuals[0]?.value).toBe('64');
  });

  it.each([
    ['<iati-activities version="2.03"><iati-activity>', 'unreadable_xml', 1],
    ['<?xml version="1.0"?>\n<iati-organisations version="2.03"/>', 'not_iati_activities', undefined],
    ['<!DOCTYPE x [<!ENTITY a "b">]><iati-activities version="2.03"/>', 'doctype_not_allowed', undefined],
    ['<iati-activities version="1.05"><iati-activity/></iati-activities>', 'unsupported_version', undefined],
    ['<iati-activities version="2.03"></iati-activities>', 'no_activities', undefined],
  ])('refuses %j with %s', (xml, code, line) => {
    const parsed = parseIatiActivities(xml);
    expect(parsed.activities).toEqual([]);
    expect(parsed.errors.map((e) => e.code)).toEqual([code]);
    expect(parsed.errors[0]?.line).toBe(line);
  });

  it('skips an activity without identifier and still reads the others', () => {
    const parsed = parseIatiActivities(
      `<iati-activities version="2.02">
        <iati-activity><iati-identifier>  </iati-identifier></iati-activity>
        <iati-activity><iati-identifier>XM-DAC-1-2</iati-identifier></iati-activity>
      </iati-activities>`,
    );
    expect(parsed.errors).toEqual([
      {
        path: '/iati-activities/iati-activity[1]/iati-identifier',
        code: 'missing_identifier',
        message: 'The activity has no iati-identifier; it is skipped',
      },
    ]);
    expect(parsed.activities.map((a) => a.identifier)).toEqual(['XM-DAC-1-2']);
  });

  it('turns odd values into warnings that point at the element in the file', () => {
    const parsed = parseIatiActivities(
      `<?xml version="1.0" encoding="UTF-8"?>
      <iati-activities version="2.01">
        <iati-activity xml:lang="EN-gb" default-currency="eur" hierarchy="x">
          <iati-identifier>XM-DAC-7-1</iati-identifier>
          <reporting-org ref="XM-DAC-7" type="10"><narrative>Donor</narrative></reporting-org>
          <title>Plain 1.x title</title>
          <participating-org role="Funding"><narrative> </narrative></participating-org>
          <activity-status code="2"/>
          <activity-date type="start-planned" iso-date="2011-01-01T00:00:00"/>
          <activity-date type="3" iso-date="2011-02-30"/>
          <activity-website>http://example.org</activity-website>
          <recipient-country code="ke" percentage="fifty"/>
          <sector code="11330" percentage="33.333"/>
          <sector code="99999" percentage="66.667"/>
          <default-aid-type code="Q99"/>
          <budget type="1"><period-start iso-date="2011-01-01"/><period-end iso-date="2011-12-31"/><value value-date="2011-01-01">12,5</value></budget>
          <budget type="7" status="1"><period-start iso-date="2012-01-01"/><period-end iso-date="2012-12-31"/><value currency="XYZ">10.005</value></budget>
          <transaction><transaction-type code="3"/><transaction-date iso-date="2011-05-05"/><value value-date="2011-05-05">5</value><aid-type code="C01"/></transaction>
          <result type="1"><title><narrative>Trained</narrative></title>
            <indicator measure="1"><title><narrative>Teachers trained</narrative></title>
              <baseline year="twenty" value="0"/>
              <baseline year="2011" value="zero"/>
            </indicator>
          </result>
        </iati-activity>
      </iati-activities>`,
    );
    expect(parsed.errors).toEqual([]);
    const [a] = parsed.activities;
    expect(a?.defaultLanguage).toBe('en');
    expect(a?.title).toEqual([{ lang: 'en', text: 'Plain 1.x title' }]);
    expect(a?.participatingOrgs).toEqual([
      { role: '1', ref: null, type: null, activityId: null, narratives: [] },
    ]);
    expect(a?.dates).toEqual([{ type: '1', isoDate: '2011-01-01', narratives: [] }]);
    expect(a?.recipientCountries).toEqual([{ code: 'KE', percentage: null, narratives: [] }]);
    expect(a?.sectors.map((s) => s.percentage)).toEqual([33.33, 66.67]);
    expect(a?.budgets).toEqual([
      {
        type: '7',
        status: '1',
        periodStart: '2012-01-01',
        periodEnd: '2012-12-31',
        value: { valueMinor: 1001, currency: 'XYZ', valueDate: '2012-01-01' },
      },
    ]);
    expect(a?.transactions[0]?.value).toEqual({ valueMinor: 500, currency: 'EUR', valueDate: '2011-05-05' });
    expect(a?.results[0]?.indicators[0]?.baselines.map((b) => b.year)).toEqual([2011]);
    const I = A;
    expect(codesOf(parsed)).toEqual([
      [`${I}/@xml:lang`, 'language_normalized'],
      [`${I}/@hierarchy`, 'invalid_hierarchy'],
      [`${I}/title`, 'text_without_narrative'],
      [`${I}/participating-org[1]/@role`, 'legacy_code_mapped'],
      [`${I}/participating-org[1]/narrative[1]`, 'empty_narrative'],
      [`${I}/activity-date[1]/@type`, 'legacy_code_mapped'],
      [`${I}/activity-date[1]/@iso-date`, 'date_time_truncated'],
      [`${I}/activity-date[2]/@iso-date`, 'invalid_date'],
      [`${I}/recipient-country[1]/@percentage`, 'invalid_percentage'],
      [`${I}/sector[1]/@percentage`, 'percentage_rounded'],
      [`${I}/sector[2]/@percentage`, 'percentage_rounded'],
      [`${I}/budget[1]/value`, 'invalid_value'],
      [`${I}/budget[2]/value`, 'value_rounded'],
      [`${I}/budget[2]/value/@value-date`, 'missing_value_date'],
      [`${I}/transaction[1]/aid-type`, 'element_not_imported'],
      [`${I}/result[1]/indicator[1]/baseline[1]/@year`, 'invalid_year'],
      [`${I}/activity-website`, 'unknown_element'],
      // Code checks point at the file's elements even though budget[1] was skipped.
      [`${I}/sector[2]/@code`, 'unknown_sector_code'],
      [`${I}/default-aid-type[1]/@code`, 'unknown_code'],
      [`${I}/budget[2]/@type`, 'unknown_code'],
      [`${I}/budget[2]/value/@currency`, 'unknown_currency'],
      [`${I}/result[1]/indicator[1]/baseline[2]/@value`, 'indicator_value_not_numeric'],
    ]);
  });

  it('decodes bytes in the encoding the XML declaration names', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03"><iati-activity>' +
      '<iati-identifier>ES-1-a</iati-identifier><title><narrative xml:lang="es">Formación</narrative></title>' +
      '</iati-activity></iati-activities>';
    const bytes = Uint8Array.from(xml, (c) => c.charCodeAt(0));
    expect(parseIatiActivities(bytes).activities[0]?.title).toEqual([{ lang: 'es', text: 'Formación' }]);
  });
});
