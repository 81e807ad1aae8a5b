import type { LocalizedText } from '../contracts/common.js';
import type {
  TIndicator,
  TIndicatorInput,
  TPeriodInput,
  TResultInput,
} from '../contracts/results-frameworks.js';
import * as frameworks from '../server/modules/results-frameworks/results-frameworks.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { todayFor } from '../server/platform/today.js';

/** A period of a whole calendar year. */
function year(
  y: number,
  target: number,
  actual: number | null = null,
  breakdown: { name: string; value: string; n: number }[] = [],
): TPeriodInput {
  return {
    start: `${y}-01-01`,
    end: `${y}-12-31`,
    target: { value: target, comment: {}, breakdown: [] },
    actual:
      actual === null
        ? null
        : {
            value: actual,
            comment: {},
            breakdown: breakdown.map((b) => ({ dimensions: [{ name: b.name, value: b.value }], value: b.n })),
          },
  };
}

function inputOf(i: TIndicator): TIndicatorInput {
  return {
    code: i.code,
    title: i.title,
    description: i.description,
    definition: i.definition,
    meansOfVerification: i.meansOfVerification,
    measure: i.measure,
    ascending: i.ascending,
    aggregation: i.aggregation,
    unitLabel: i.unitLabel,
    baseline: i.baseline,
    disaggregations: i.disaggregations,
    sourceKey: i.sourceKey,
  };
}

interface IndicatorSeed {
  template?: string;
  input?: TIndicatorInput;
  code: string;
  baseline: { year: number; value: number; comment?: LocalizedText } | null;
  periods: TPeriodInput[];
}

async function seedFramework(
  ctx: ServiceContext,
  projectCode: string,
  results: { result: TResultInput; indicators: IndicatorSeed[] }[],
) {
  const project = await ctx.deps.db
    .selectFrom('projects')
    .select('id')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('code', '=', projectCode)
    .executeTakeFirst();
  if (!project) {
    return;
  }
  for (const r of results) {
    const { id: resultId } = await frameworks.createResult(ctx, project.id, r.result);
    for (const s of r.indicators) {
      const created = s.template
        ? await frameworks.createIndicatorFromTemplate(ctx, project.id, resultId, { templateKey: s.template })
        : await frameworks.createIndicator(ctx, project.id, resultId, s.input as TIndicatorInput);
      const indicator = created.framework.results
        .flatMap((x) => x.indicators)
        .find((i) => i.id === created.id) as TIndicator;
      await frameworks.updateIndicator(ctx, project.id, indicator.id, {
        version: indicator.version,
        data: {
          ...inputOf(indicator),
          code: s.code,
          baseline: s.baseline ? { isoDate: null, comment: {}, ...s.baseline } : null,
        },
      });
      for (const p of s.periods) {
        await frameworks.createPeriod(ctx, project.id, indicator.id, p);
      }
    }
  }
}

/**
 * Results frameworks for three demo projects, with baselines, yearly periods and actuals relative
 * to today's year (so that statuses read the same whenever the demo is seeded): the teacher
 * training centre has one indicator on track, one ahead and one at risk; the Bangladesh programme
 * counts its participants from the platform; the South African base mixes a platform figure and a
 * source the platform cannot count yet.
 */
export async function seedDemoResults(ctx: ServiceContext): Promise<void> {
  const y = Number(todayFor(ctx).slice(0, 4));

  await seedFramework(ctx, 'EA-TTC', [
    {
      result: {
        type: 'output',
        title: {
          en: 'TVET teachers of East African partner colleges trained',
          'zh-CN': '东非合作院校职业教育教师得到培训',
          fr: 'Enseignants de l’EFTP des établissements partenaires d’Afrique de l’Est formés',
        },
        description: {},
        assumptions: { en: 'Partner colleges release teachers for the 12-week programme.' },
        risks: { en: 'Visa delays for participants from some countries.' },
        aggregationStatus: true,
      },
      indicators: [
        {
          template: 'teachers_trained',
          code: 'OP1.1',
          baseline: { year: y - 2, value: 0 },
          periods: [
            year(y - 1, 40, 46, [
              { name: 'sex', value: 'female', n: 21 },
              { name: 'sex', value: 'male', n: 25 },
            ]),
            year(y, 60),
          ],
        },
        {
          template: 'partner_colleges_reached',
          code: 'OP1.2',
          baseline: { year: y - 2, value: 3 },
          periods: [year(y - 1, 6, 7), year(y, 10)],
        },
      ],
    },
    {
      result: {
        type: 'outcome',
        title: {
          en: 'Trained teachers apply competency-based methods in their classes',
          'zh-CN': '受训教师在教学中应用能力本位教学法',
          fr: 'Les enseignants formés appliquent l’approche par compétences en classe',
        },
        description: {},
        assumptions: {},
        risks: {},
        aggregationStatus: false,
      },
      indicators: [
        {
          input: {
            code: null,
            title: {
              en: 'Share of trained teachers applying competency-based methods',
              'zh-CN': '应用能力本位教学法的受训教师比例',
              fr: 'Part des enseignants formés appliquant l’approche par compétences',
            },
            description: {},
            definition: {
              en: 'Teachers observed applying at least three of the five taught methods, 90 days after training (Kirkpatrick L3 follow-up).',
            },
            meansOfVerification: { en: 'Follow-up survey and classroom observation by the partner college.' },
            measure: 'percentage',
            ascending: true,
            aggregation: 'level',
            unitLabel: {},
            baseline: null,
            disaggregations: [{ name: 'sex', values: ['female', 'male'] }],
            sourceKey: null,
          },
          code: 'OC1.1',
          baseline: { year: y - 2, value: 20 },
          // 41 % against 50 % at the end of the first of two years: behind the line → at risk.
          periods: [
            year(y - 1, 50, 41, [
              { name: 'sex', value: 'female', n: 44 },
              { name: 'sex', value: 'male', n: 38 },
            ]),
            year(y, 80),
          ],
        },
      ],
    },
  ]);

  await seedFramework(ctx, 'BD-CB-2026', [
    {
      result: {
        type: 'output',
        title: {
          en: 'Bangladeshi polytechnic leaders trained in smart manufacturing education',
          'zh-CN': '孟加拉国理工院校管理者接受智能制造教育培训',
        },
        description: {},
        assumptions: {},
        risks: {},
        aggregationStatus: false,
      },
      indicators: [
        {
          template: 'participants_trained',
          code: 'OP1',
          baseline: { year: y - 1, value: 0 },
          periods: [year(y, 25)],
        },
        {
          template: 'partner_colleges_reached',
          code: 'OP2',
          baseline: { year: y - 1, value: 1 },
          periods: [year(y, 4, 2)],
        },
      ],
    },
  ]);

  await seedFramework(ctx, 'ZA-JTB-AUTO', [
    {
      result: {
        type: 'output',
        title: {
          en: 'South African automotive technicians trained at the joint base',
          'zh-CN': '南非汽车技术人员在联合基地接受培训',
        },
        description: {},
        assumptions: {},
        risks: {},
        aggregationStatus: false,
      },
      indicators: [
        {
          template: 'exchanges_completed',
          code: 'OP1',
          baseline: { year: y - 1, value: 0 },
          periods: [year(y - 1, 8, 9), year(y, 12)],
        },
      ],
    },
    {
      result: {
        type: 'outcome',
        title: { en: 'Graduates find skilled jobs', 'zh-CN': '毕业生实现技能型就业' },
        description: {},
        assumptions: {},
        risks: {},
        aggregationStatus: false,
      },
      indicators: [
        {
          template: 'graduates_employed_overseas',
          code: 'OC1',
          baseline: { year: y - 1, value: 0 },
          periods: [year(y - 1, 6, 10), year(y, 12)],
        },
      ],
    },
  ]);
}
