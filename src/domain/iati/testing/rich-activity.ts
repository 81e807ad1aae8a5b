/**
 * Test data: an IATI activity that uses every element of the IatiActivity model, with narratives
 * in English (the default language), Chinese and Arabic. Fictional; the org-id uses the CN-USCI
 * prefix with an all-zero placeholder number, as the shared IATI samples do.
 */
import type { IatiActivity, IatiDocumentLink, IatiText } from '../activity.js';

const tri = (en: string, zh: string, ar: string): IatiText => [
  { lang: 'en', text: en },
  { lang: 'zh', text: zh },
  { lang: 'ar', text: ar },
];

const COLLEGE = 'CN-USCI-000000000000000000';

const evidence = (title: string): IatiDocumentLink => ({
  url: 'https://college.example.org/evidence/survey-2025.pdf',
  format: 'application/pdf',
  title: [{ lang: 'en', text: title }],
  description: [],
  categories: ['A08'],
  languages: ['en'],
  documentDate: '2025-10-01',
});

/** The item at `index`, failing loudly when a test reaches past the end. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`No item at index ${index}`);
  }
  return item;
}

export function richIatiActivity(): IatiActivity {
  return {
    identifier: `${COLLEGE}-GG-2025-001`,
    defaultLanguage: 'en',
    defaultCurrency: 'CNY',
    lastUpdatedDatetime: '2025-01-15T09:00:00Z',
    hierarchy: 1,
    humanitarian: false,
    reportingOrg: {
      ref: COLLEGE,
      type: '80',
      secondaryReporter: false,
      narratives: tri(
        'Example Vocational & Technical College',
        '示例职业技术学院',
        'الكلية المهنية والتقنية النموذجية',
      ),
    },
    title: tri(
      'Seminar on TVET management for officials from partner countries',
      '发展中国家职业教育管理官员研修班',
      'حلقة دراسية حول إدارة التعليم والتدريب التقني والمهني لمسؤولي الدول الشريكة',
    ),
    descriptions: [
      {
        type: '1',
        narratives: tri(
          'Three-week training programme for education officials and TVET teachers <in Tianjin>.',
          '为期三周的教育官员和职业教育教师培训项目。',
          'برنامج تدريبي مدته ثلاثة أسابيع لمسؤولي التعليم ومعلمي التعليم المهني.',
        ),
      },
      {
        type: '2',
        narratives: [{ lang: 'en', text: 'Strengthen competency-based TVET management.' }],
      },
    ],
    participatingOrgs: [
      {
        role: '1',
        ref: 'CN-USCI-111111111111111111',
        type: '10',
        activityId: null,
        narratives: tri('Provincial Department of Commerce', '省商务厅', 'إدارة التجارة في المقاطعة'),
      },
      {
        role: '4',
        ref: COLLEGE,
        type: '80',
        activityId: `${COLLEGE}-GG-2025-001`,
        narratives: [{ lang: 'en', text: 'Example Vocational & Technical College' }],
      },
      {
        role: '4',
        ref: 'KE-NCC-12345',
        type: '80',
        activityId: null,
        narratives: [{ lang: 'en', text: 'Nairobi Technical Training Institute' }],
      },
    ],
    otherIdentifiers: [
      {
        ref: 'GG-2025-001',
        type: 'A1',
        ownerOrg: {
          ref: COLLEGE,
          narratives: [{ lang: 'en', text: 'Example Vocational & Technical College' }],
        },
      },
    ],
    status: '2',
    dates: [
      { type: '1', isoDate: '2025-03-01', narratives: [] },
      { type: '2', isoDate: '2025-03-03', narratives: [{ lang: 'en', text: 'Arrival of the participants' }] },
      { type: '3', isoDate: '2025-03-21', narratives: [] },
      { type: '4', isoDate: '2025-03-22', narratives: [] },
    ],
    contacts: [
      {
        type: '1',
        organisation: tri('International Office', '国际交流处', 'مكتب العلاقات الدولية'),
        department: [{ lang: 'en', text: 'Cooperation projects' }],
        personName: [{ lang: 'en', text: 'Zhang Wei' }],
        jobTitle: [{ lang: 'en', text: 'Director' }],
        telephones: ['+86 22 0000 0000'],
        emails: ['international@college.example.org'],
        websites: ['https://college.example.org/'],
        mailingAddresses: [[{ lang: 'en', text: '1 College Road, Tianjin, China' }]],
      },
    ],
    activityScope: '3',
    recipientCountries: [
      { code: 'KE', percentage: 33.33, narratives: [] },
      { code: 'ZM', percentage: 33.33, narratives: [{ lang: 'en', text: 'Zambia' }] },
    ],
    recipientRegions: [
      { code: '289', vocabulary: '1', vocabularyUri: null, percentage: 33.34, narratives: [] },
    ],
    sectors: [
      {
        vocabulary: '1',
        vocabularyUri: null,
        code: '11430',
        percentage: 60,
        narratives: [{ lang: 'en', text: 'Advanced technical and managerial training' }],
      },
      { vocabulary: '1', vocabularyUri: null, code: '11130', percentage: 40, narratives: [] },
      { vocabulary: '8', vocabularyUri: null, code: '4.3', percentage: 100, narratives: [] },
    ],
    tags: [
      { vocabulary: '3', vocabularyUri: null, code: '4.c', narratives: [] },
      {
        vocabulary: '99',
        vocabularyUri: 'https://college.example.org/tags',
        code: 'going-global',
        narratives: [{ lang: 'en', text: 'Going global' }],
      },
    ],
    collaborationType: '1',
    defaultFlowType: '10',
    defaultFinanceType: '110',
    defaultAidTypes: [
      { code: 'E01', vocabulary: '1' },
      { code: 'D02', vocabulary: null },
    ],
    defaultTiedStatus: '5',
    budgets: [
      {
        type: '1',
        status: '2',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        value: { valueMinor: 60_000_000, currency: 'CNY', valueDate: '2025-01-01' },
      },
      {
        type: '2',
        status: '2',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        value: { valueMinor: 65_012_345, currency: 'CNY', valueDate: '2025-06-30' },
      },
      {
        type: '1',
        status: '1',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        value: { valueMinor: 1_500_000, currency: 'JPY', valueDate: '2026-01-01' },
      },
    ],
    transactions: [
      {
        ref: 'TX-1',
        type: '11',
        date: '2025-02-01',
        value: { valueMinor: 60_000_000, currency: 'CNY', valueDate: '2025-02-01' },
        description: tri('Grant commitment', '拨款承诺', 'التزام المنحة'),
        providerOrg: {
          ref: 'CN-USCI-111111111111111111',
          type: '10',
          activityId: null,
          narratives: [{ lang: 'en', text: 'Provincial Department of Commerce' }],
        },
        receiverOrg: {
          ref: COLLEGE,
          type: '80',
          activityId: `${COLLEGE}-GG-2025-001`,
          narratives: [],
        },
      },
      {
        ref: null,
        type: '4',
        date: '2025-03-25',
        value: { valueMinor: 41_250_000, currency: 'CNY', valueDate: '2025-03-25' },
        description: [{ lang: 'en', text: 'Tuition, accommodation and field visits' }],
        providerOrg: null,
        receiverOrg: null,
      },
      {
        ref: null,
        type: '4',
        date: '2025-03-26',
        value: { valueMinor: -1234, currency: 'KWD', valueDate: '2025-03-26' },
        description: [],
        providerOrg: null,
        receiverOrg: null,
      },
    ],
    documentLinks: [
      {
        url: 'https://college.example.org/mou.pdf',
        format: 'application/pdf',
        title: tri('Memorandum of understanding', '合作备忘录', 'مذكرة تفاهم'),
        description: [{ lang: 'en', text: 'Signed by both colleges' }],
        categories: ['A09', 'A11'],
        languages: ['en', 'zh'],
        documentDate: '2024-11-30',
      },
    ],
    relatedActivities: [{ ref: `${COLLEGE}-GG-2025-001-C1`, type: '2' }],
    results: [
      {
        type: '2',
        aggregationStatus: false,
        title: tri(
          'Participants apply new practices',
          '学员应用新的管理实践',
          'يطبق المشاركون ممارسات جديدة',
        ),
        description: [{ lang: 'en', text: 'Kirkpatrick level 3, six months after the seminar' }],
        documentLinks: [evidence('Follow-up survey report')],
        indicators: [
          {
            measure: '2',
            ascending: true,
            aggregationStatus: false,
            title: tri(
              'Share of participants applying practice',
              '应用实践的学员比例',
              'نسبة المشاركين المطبقين',
            ),
            description: [{ lang: 'en', text: 'Self-reported in the follow-up survey' }],
            documentLinks: [],
            references: [{ vocabulary: '9', code: '4.4.1', indicatorUri: null }],
            baselines: [
              {
                year: 2025,
                isoDate: '2025-03-03',
                value: '0',
                dimensions: [{ name: 'sex', value: 'female' }],
                documentLinks: [],
                comment: [{ lang: 'en', text: 'Nobody had applied it before the seminar' }],
              },
            ],
            periods: [
              {
                periodStart: '2025-03-01',
                periodEnd: '2025-09-30',
                targets: [{ value: '70', dimensions: [], comment: [], documentLinks: [] }],
                actuals: [
                  {
                    value: '64',
                    dimensions: [{ name: 'sex', value: 'female' }],
                    comment: tri('Follow-up survey, n=25 of 30', '跟踪调查，30人中25人', 'استطلاع المتابعة'),
                    documentLinks: [evidence('Survey data')],
                  },
                ],
              },
            ],
          },
          {
            measure: '5',
            ascending: null,
            aggregationStatus: null,
            title: [{ lang: 'en', text: 'How partners describe the change' }],
            description: [],
            documentLinks: [],
            references: [],
            baselines: [],
            periods: [
              {
                periodStart: '2025-03-01',
                periodEnd: '2025-12-31',
                targets: [],
                actuals: [
                  {
                    value: 'Curriculum adopted in two colleges',
                    dimensions: [],
                    comment: [],
                    documentLinks: [],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
