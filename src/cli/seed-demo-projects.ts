import type { TProjectInput } from '../contracts/projects.js';
import { addMonths } from '../domain/dates/calendar-date.js';
import { findAgreements } from '../server/modules/agreements/agreements.service.js';
import * as projects from '../server/modules/projects/projects.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { todayFor } from '../server/platform/today.js';

const base = {
  parentId: null,
  baseLocation: null,
  description: {},
  actualStart: null,
  actualEnd: null,
  defaultCurrency: 'CNY',
  responsibleUserId: null,
  participants: [],
  countries: [],
  sectors: [],
  agreementIds: [],
  budgets: [],
  transactions: [],
} satisfies Partial<TProjectInput>;

/** Yuan to fen (CNY minor units). */
const yuan = (amount: number) => amount * 100;

/** The first agreement of the partner whose English title contains `titlePart`. */
async function agreementOf(ctx: ServiceContext, partnerId: string, titlePart: string): Promise<string[]> {
  if (!partnerId) {
    return [];
  }
  const page = await findAgreements(ctx, { partnerId, sort: 'title', page: 1, pageSize: 50 });
  const found = page.data.find((a) => (a.title.en ?? '').includes(titlePart));
  return found ? [found.id] : [];
}

/**
 * Demo cooperation projects, linked to the demo partners and agreements (`ids` maps the seed's
 * partner keys to their ids). Budgets in CNY fen.
 */
export async function seedDemoProjects(ctx: ServiceContext, ids: ReadonlyMap<string, string>): Promise<void> {
  const id = (key: string) => ids.get(key) ?? '';
  const today = todayFor(ctx);
  const year = Number(today.slice(0, 4));
  const participant = (key: string, role: '1' | '2' | '3' | '4') =>
    id(key) ? [{ partnerId: id(key), role }] : [];

  await projects.createProject(ctx, {
    ...base,
    code: 'BD-CB-2026',
    type: 'capacity_building',
    title: {
      en: 'Bangladesh TVET Leaders Capacity Building 2026',
      'zh-CN': '2026 年孟加拉国职业教育管理者能力建设研修班',
      fr: 'Renforcement des capacités des responsables EFTP du Bangladesh 2026',
    },
    description: {
      en: 'Three-week study programme in China for principals and managers of Bangladeshi polytechnics.',
    },
    status: '2',
    plannedStart: '2026-04-06',
    plannedEnd: '2026-04-26',
    actualStart: '2026-04-06',
    participants: [
      { partnerId: null, role: '1' },
      { partnerId: null, role: '2' },
      ...participant('dpi', '4'),
    ],
    countries: [{ country: 'BD', percentage: 100 }],
    sectors: [{ vocabulary: '1', code: '11430', percentage: 100 }],
    agreementIds: await agreementOf(ctx, id('dpi'), 'Memorandum'),
    budgets: [
      {
        type: '1',
        status: '2',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        valueMinor: yuan(680_000),
        currency: 'CNY',
        valueDate: '2026-01-01',
      },
    ],
    transactions: [
      {
        type: '4',
        date: '2026-04-30',
        valueMinor: yuan(412_350),
        currency: 'CNY',
        description: 'Accommodation, training and site visits',
        providerOrg: '',
        receiverOrg: '',
      },
    ],
  });

  await projects.createProject(ctx, {
    ...base,
    code: 'ZA-JTB-AUTO',
    type: 'joint_training_base',
    baseLocation: 'overseas',
    title: {
      en: 'China-South Africa Automotive Joint Training Base',
      'zh-CN': '中国—南非汽车技术联合培训基地',
      fr: 'Base de formation conjointe Chine-Afrique du Sud en technologie automobile',
    },
    description: {
      en: 'Joint training base with a South African TVET college: automotive technician courses, teacher training and workshop equipment.',
      'zh-CN': '与南非职业院校共建的汽车技术联合培训基地：技师课程、师资培训和实训设备。',
    },
    status: '2',
    plannedStart: addMonths(today, -13),
    plannedEnd: addMonths(today, 22),
    actualStart: addMonths(today, -12),
    participants: [{ partnerId: null, role: '4' }, ...participant('tshwane', '4')],
    countries: [{ country: 'ZA', percentage: 100 }],
    sectors: [{ vocabulary: '1', code: '11330', percentage: 100 }],
    agreementIds: await agreementOf(ctx, id('tshwane'), 'Joint Training Base'),
    budgets: [
      {
        type: '1',
        status: '2',
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        valueMinor: yuan(1_500_000),
        currency: 'CNY',
        valueDate: `${year}-01-01`,
      },
    ],
    transactions: [
      {
        type: '3',
        date: addMonths(today, -2),
        valueMinor: yuan(600_000),
        currency: 'CNY',
        description: 'Training equipment for the automotive workshop',
        providerOrg: '',
        receiverOrg: 'Tshwane South TVET College',
      },
    ],
  });

  const centre = await projects.createProject(ctx, {
    ...base,
    code: 'EA-TTC',
    type: 'teacher_training',
    title: {
      en: 'East Africa TVET Teacher Training Centre',
      'zh-CN': '东非职业教育师资培训中心',
      fr: "Centre de formation des enseignants de l'EFTP d'Afrique de l'Est",
    },
    description: {
      en: 'Train-the-trainer centre for TVET teachers from Kenya, Tanzania and Uganda, run with the regional university council.',
      'zh-CN': '面向肯尼亚、坦桑尼亚和乌干达职业教育教师的师资培训中心。',
    },
    status: '2',
    plannedStart: '2026-01-01',
    plannedEnd: '2028-12-31',
    actualStart: '2026-02-15',
    participants: [{ partnerId: null, role: '1' }, ...participant('iucea', '4')],
    countries: [
      { country: 'KE', percentage: 40 },
      { country: 'TZ', percentage: 30 },
      { country: 'UG', percentage: 30 },
    ],
    sectors: [{ vocabulary: '1', code: '11130', percentage: 100 }],
    agreementIds: await agreementOf(ctx, id('iucea'), 'Teacher Development'),
    budgets: [
      {
        type: '1',
        status: '1',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        valueMinor: yuan(2_400_000),
        currency: 'CNY',
        valueDate: '2026-01-01',
      },
      {
        type: '1',
        status: '1',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        valueMinor: yuan(2_400_000),
        currency: 'CNY',
        valueDate: '2026-01-01',
      },
    ],
  });

  await projects.createProject(ctx, {
    ...base,
    parentId: centre.id,
    code: 'EA-TTC-2026-1',
    type: 'teacher_training',
    title: { en: 'Cohort 2026-1', 'zh-CN': '2026 年第一期', fr: 'Promotion 2026-1' },
    description: {
      en: 'First twelve-week cohort of the teacher training centre.',
      'zh-CN': '师资培训中心第一期（十二周）。',
    },
    status: '2',
    plannedStart: '2026-03-02',
    plannedEnd: '2026-05-29',
    actualStart: '2026-03-02',
    participants: [{ partnerId: null, role: '4' }],
    countries: [
      { country: 'KE', percentage: 40 },
      { country: 'TZ', percentage: 30 },
      { country: 'UG', percentage: 30 },
    ],
    sectors: [{ vocabulary: '1', code: '11130', percentage: 100 }],
  });
}
