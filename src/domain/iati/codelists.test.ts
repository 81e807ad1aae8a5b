import { describe, expect, it } from 'vitest';
import { isDacSectorCode } from '../projects/dac-sectors.js';
import { emptyIatiActivity, type IatiActivity, narrativesToRecord, recordToNarratives } from './activity.js';
import {
  AID_TYPE,
  COLLABORATION_TYPE,
  checkActivityCodes,
  FINANCE_TYPE,
  FLOW_TYPE,
  isCountryCode,
  ORGANISATION_TYPE,
  REGION,
  TAG_VOCABULARY,
  TIED_STATUS,
  toIatiLanguage,
} from './codelists.js';
import { nth, richIatiActivity } from './testing/rich-activity.js';

const codes = (a: IatiActivity) => checkActivityCodes(a).map((p) => [p.path, p.code, p.severity]);

describe('codelists', () => {
  it('know every code the shared samples and the two real IATI files use', () => {
    for (const sector of ['11130', '11330', '11430', '11110', '11120', '11182', '11420']) {
      expect(isDacSectorCode(sector)).toBe(true);
    }
    for (const [list, values] of [
      [ORGANISATION_TYPE, ['10', '22', '80']],
      [AID_TYPE, ['E01', 'C01', 'D01', 'D02']],
      [FLOW_TYPE, ['10']],
      [FINANCE_TYPE, ['110']],
      [TIED_STATUS, ['5']],
      [COLLABORATION_TYPE, ['1']],
      [REGION, ['789']],
      [TAG_VOCABULARY, ['2', '3', '99']],
    ] as const) {
      for (const v of values) {
        expect(list.codes.has(v), `${list.name} ${v}`).toBe(true);
      }
    }
    for (const country of ['KE', 'ZM', 'ER', 'ID', 'CN', 'XK']) {
      expect(isCountryCode(country)).toBe(true);
    }
    expect(isCountryCode('ZZ')).toBe(false);
  });

  it.each([
    ['zh-CN', 'zh'],
    ['zh_TW', 'zh'],
    ['AR', 'ar'],
    ['fr', 'fr'],
    ['xx', null],
    ['', null],
  ])('toIatiLanguage(%j) = %j', (tag, code) => {
    expect(toIatiLanguage(tag)).toBe(code);
  });

  it('turn platform texts into narratives and back', () => {
    const narratives = recordToNarratives({
      en: 'Seminar',
      'zh-CN': '研修班',
      'zh-TW': '研修班 (TW)',
      ar: '',
    });
    expect(narratives).toEqual([
      { lang: 'en', text: 'Seminar' },
      { lang: 'zh', text: '研修班' },
    ]);
    expect(narrativesToRecord([{ lang: null, text: 'Default' }, ...narratives], 'fi')).toEqual({
      fi: 'Default',
      en: 'Seminar',
      zh: '研修班',
    });
  });
});

describe('checkActivityCodes', () => {
  it('finds nothing wrong in an activity that uses every element correctly', () => {
    expect(checkActivityCodes(richIatiActivity())).toEqual([]);
  });

  it('reports unknown codes of complete codelists as errors, with the element path', () => {
    const a = richIatiActivity();
    a.status = '7';
    a.participatingOrgs[1] = { ...nth(a.participatingOrgs, 1), role: '5', type: '81' };
    a.budgets[2] = { ...nth(a.budgets, 2), type: '3' };
    a.transactions[0] = { ...nth(a.transactions, 0), type: '14' };
    nth(nth(a.results, 0).indicators, 0).measure = '6';
    expect(codes(a)).toEqual([
      ['iati-activity/participating-org[2]/@role', 'unknown_code', 'error'],
      ['iati-activity/participating-org[2]/@type', 'unknown_code', 'error'],
      ['iati-activity/activity-status/@code', 'unknown_code', 'error'],
      ['iati-activity/budget[3]/@type', 'unknown_code', 'error'],
      ['iati-activity/transaction[1]/transaction-type/@code', 'unknown_code', 'error'],
      ['iati-activity/result[1]/indicator[1]/@measure', 'unknown_code', 'error'],
    ]);
  });

  it('warns about codes of lists that follow DAC releases, and refuses malformed sector codes', () => {
    const a = richIatiActivity();
    a.sectors = [
      { vocabulary: null, vocabularyUri: null, code: '11399', percentage: null, narratives: [] },
      { vocabulary: '1', vocabularyUri: null, code: '1133', percentage: null, narratives: [] },
      { vocabulary: '2', vocabularyUri: null, code: '113', percentage: null, narratives: [] },
      { vocabulary: '8', vocabularyUri: null, code: '4.x9', percentage: null, narratives: [] },
      { vocabulary: '99', vocabularyUri: null, code: 'anything', percentage: null, narratives: [] },
      { vocabulary: '42', vocabularyUri: null, code: 'x', percentage: null, narratives: [] },
    ];
    a.defaultAidTypes = [
      { code: 'Z99', vocabulary: null },
      { code: 'whatever', vocabulary: '2' },
    ];
    expect(codes(a)).toEqual([
      ['iati-activity/sector[1]/@code', 'unknown_sector_code', 'warning'],
      ['iati-activity/sector[2]/@code', 'invalid_sector_code', 'error'],
      ['iati-activity/sector[4]/@code', 'invalid_sector_code', 'error'],
      ['iati-activity/sector[6]/@vocabulary', 'unknown_code', 'error'],
      ['iati-activity/default-aid-type[1]/@code', 'unknown_code', 'warning'],
    ]);
  });

  it('checks currencies, countries and languages', () => {
    const a = richIatiActivity();
    a.defaultCurrency = 'XYZ';
    nth(a.budgets, 0).value.currency = 'LTL';
    nth(a.recipientCountries, 0).code = 'ZZ';
    a.title = [...a.title, { lang: 'zz', text: 'Unknown language' }];
    nth(a.documentLinks, 0).languages = ['en', 'chinese'];
    nth(a.documentLinks, 0).format = 'PDF';
    expect(checkActivityCodes(a).map((p) => [p.path, p.code, p.severity, p.value])).toEqual([
      ['iati-activity/@default-currency', 'unknown_currency', 'error', 'XYZ'],
      ['iati-activity/title/narrative[4]/@xml:lang', 'unknown_language', 'error', 'zz'],
      ['iati-activity/recipient-country[1]/@code', 'unknown_country', 'error', 'ZZ'],
      ['iati-activity/budget[1]/value/@currency', 'withdrawn_currency', 'warning', 'LTL'],
      ['iati-activity/document-link[1]/language[2]/@code', 'unknown_language', 'error', 'chinese'],
      ['iati-activity/document-link[1]/@format', 'invalid_file_format', 'warning', 'PDF'],
    ]);
  });

  it('wants numbers for quantitative indicators but accepts text for qualitative ones', () => {
    const a = richIatiActivity();
    const period = nth(nth(nth(a.results, 0).indicators, 0).periods, 0);
    nth(period.targets, 0).value = 'seventy';
    expect(codes(a)).toEqual([
      [
        'iati-activity/result[1]/indicator[1]/period[1]/target[1]/@value',
        'indicator_value_not_numeric',
        'error',
      ],
    ]);
  });

  it('reports empty codes, and leaves absent ones to the XSD', () => {
    const a = emptyIatiActivity('X');
    a.defaultTiedStatus = '';
    expect(codes(a)).toEqual([['iati-activity/default-tied-status/@code', 'empty_code', 'error']]);
  });

  it('uses the source paths of a parsed file when it has them', () => {
    const a = richIatiActivity();
    a.status = '9';
    nth(a.budgets, 1).status = '5';
    const sourcePaths = new WeakMap<object, string>([
      [a, '/iati-activities/iati-activity[3]'],
      [nth(a.budgets, 1), '/iati-activities/iati-activity[3]/budget[4]'],
    ]);
    expect(checkActivityCodes(a, { sourcePaths }).map((p) => p.path)).toEqual([
      '/iati-activities/iati-activity[3]/activity-status/@code',
      '/iati-activities/iati-activity[3]/budget[4]/@status',
    ]);
  });
});
