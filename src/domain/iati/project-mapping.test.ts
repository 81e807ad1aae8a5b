import { describe, expect, it } from 'vitest';
import { emptyIatiActivity, type IatiActivity } from './activity.js';
import {
  activityToProjectPlan,
  codeFromIdentifier,
  type ExportProject,
  fromIatiLanguage,
  narrativesToPlatformText,
  projectToIatiActivity,
} from './project-mapping.js';
import { nth, richIatiActivity } from './testing/rich-activity.js';

const publisher = { orgId: 'CN-USCI-000000000000000000', name: 'Example College', type: '80' };

function project(overrides: Partial<ExportProject> = {}): ExportProject {
  return {
    id: 'p1',
    code: 'GG-1',
    title: { 'zh-CN': '研修班', en: 'Seminar', ar: 'حلقة دراسية' },
    description: { en: 'Three weeks' },
    status: '2',
    plannedStart: '2025-03-01',
    plannedEnd: '2025-03-21',
    actualStart: null,
    actualEnd: null,
    defaultCurrency: 'CNY',
    updatedAt: '2025-01-15T09:00:00.000Z',
    parentIdentifier: null,
    childIdentifiers: [],
    participants: [{ role: '4', partner: null }],
    countries: [{ country: 'KE', percentage: null }],
    sectors: [{ vocabulary: '1', code: '11430', percentage: null }],
    budgets: [],
    transactions: [],
    results: [],
    link: null,
    ...overrides,
  };
}

describe('languages', () => {
  it('maps IATI zh to the platform zh-CN and keeps the others', () => {
    expect(fromIatiLanguage('zh')).toBe('zh-CN');
    expect(fromIatiLanguage('fi')).toBe('fi');
    expect(
      narrativesToPlatformText(
        [
          { lang: null, text: ' Default ' },
          { lang: 'zh', text: '中文' },
          { lang: 'en', text: 'second English, ignored' },
        ],
        'en',
      ),
    ).toEqual({ en: 'Default', 'zh-CN': '中文' });
  });
});

describe('projectToIatiActivity', () => {
  it('writes one narrative per language, English as the default, and the college as reporting org', () => {
    const { activity, problems } = projectToIatiActivity(project(), publisher);
    expect(activity.identifier).toBe('CN-USCI-000000000000000000-GG-1');
    expect(activity.defaultLanguage).toBe('en');
    expect(activity.title).toEqual([
      { lang: 'zh', text: '研修班' },
      { lang: 'en', text: 'Seminar' },
      { lang: 'ar', text: 'حلقة دراسية' },
    ]);
    expect(activity.reportingOrg).toMatchObject({
      ref: publisher.orgId,
      type: '80',
      secondaryReporter: null,
    });
    expect(activity.participatingOrgs).toEqual([
      {
        role: '4',
        ref: publisher.orgId,
        type: '80',
        activityId: null,
        narratives: [{ lang: null, text: 'Example College' }],
      },
    ]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports what IATI cannot take: no participant, no description, a result without indicators', () => {
    const { problems } = projectToIatiActivity(
      project({
        participants: [],
        description: {},
        results: [
          {
            result: {
              type: 'output',
              title: { en: 'R' },
              description: {},
              assumptions: {},
              risks: {},
              aggregationStatus: false,
            },
            indicators: [],
          },
        ],
      }),
      publisher,
    );
    expect(problems.map((p) => [p.code, p.severity])).toEqual(
      expect.arrayContaining([
        ['no_participating_org', 'error'],
        ['description_required', 'error'],
        ['result_without_indicators', 'warning'],
      ]),
    );
  });

  it('publishes a kept identifier of another publisher as a secondary reporter, with the kept extras', () => {
    const { activity } = projectToIatiActivity(
      project({
        link: {
          identifier: 'FI-3-2020- 2020000161',
          extras: {
            participants: [
              {
                role: '3',
                ref: '22000',
                type: '22',
                activityId: null,
                narratives: [{ lang: null, text: 'NGO' }],
              },
            ],
            collaborationType: '1',
            defaultFlowType: '10',
            defaultFinanceType: '110',
            defaultAidTypes: [{ code: 'C01', vocabulary: null }],
            defaultTiedStatus: '5',
            tags: [],
          },
        },
      }),
      publisher,
    );
    expect(activity.identifier).toBe('FI-3-2020- 2020000161');
    expect(activity.reportingOrg?.secondaryReporter).toBe(true);
    expect(activity.participatingOrgs.map((p) => p.ref)).toEqual([publisher.orgId, '22000']);
    expect(activity.defaultAidTypes).toEqual([{ code: 'C01', vocabulary: null }]);
  });
});

describe('activityToProjectPlan', () => {
  const ctx = {
    ownOrgId: publisher.orgId,
    partnerIdsByRef: new Map([['ke-ncc-12345', 'partner-1']]),
    path: '/a',
  };

  it('maps the rich activity: own college, known partner, new partner; DAC sectors only; results', () => {
    const plan = activityToProjectPlan(richIatiActivity(), ctx);
    expect(plan.suggestedCode).toBe('GG-2025-001');
    expect(plan.fields.title['zh-CN']).toBe('发展中国家职业教育管理官员研修班');
    expect(plan.participants.map((p) => p.kind)).toEqual(['new_partner', 'own', 'partner']);
    expect(plan.fields.sectors.map((s) => s.code)).toEqual(['11430', '11130']);
    expect(plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining([
        'sector_vocabulary_not_imported',
        'element_not_kept',
        'description_type_not_imported',
      ]),
    );
    // KE/ZM total 66.66 once the region is left out: the percentages are dropped, not the countries.
    expect(plan.fields.countries).toEqual([
      { country: 'KE', percentage: null },
      { country: 'ZM', percentage: null },
    ]);
    const indicators = nth(plan.results, 0).indicators;
    expect(indicators.map((i) => i.indicator.measure)).toEqual(['percentage', 'qualitative']);
    expect(nth(indicators, 0).periods[0]?.actual?.breakdown).toEqual([
      { dimensions: [{ name: 'sex', value: 'female' }], value: 64 },
    ]);
    // A qualitative actual is text: kept as the comment.
    expect(nth(indicators, 1).periods[0]?.actual?.comment).toEqual({
      en: 'Curriculum adopted in two colleges',
    });
    expect(plan.errors).toEqual([]);
  });

  it('makes a project impossible only for a missing title or start date', () => {
    const bare: IatiActivity = { ...emptyIatiActivity('XM-1-A'), status: '9' };
    const plan = activityToProjectPlan(bare, ctx);
    expect(plan.errors.map((e) => e.code).sort()).toEqual(['start_date_required', 'title_required']);
    expect(plan.fields.status).toBe('1');
    expect(plan.warnings.map((w) => w.code)).toContain('status_defaulted');
  });

  it('derives a project code from the identifier', () => {
    expect(codeFromIdentifier('FI-3-2020- 2020000161', [null, 'FI-3'])).toBe('2020-2020000161');
    expect(codeFromIdentifier('CN-USCI-1-GG 1', ['CN-USCI-1'])).toBe('GG1');
    expect(codeFromIdentifier('---', [])).toBe('IATI');
  });
});
