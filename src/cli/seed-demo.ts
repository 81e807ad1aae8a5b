import type { TAgreementInput } from '../contracts/agreements.js';
import type { TPartnerInput } from '../contracts/partners.js';
import { type Permission, type Role, rolePermissions } from '../contracts/roles.js';
import { addDays, addMonths, calendarDateInTimeZone } from '../domain/dates/calendar-date.js';
import * as agreements from '../server/modules/agreements/agreements.service.js';
import * as partners from '../server/modules/partners/partners.service.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import type { Deps, ServiceContext } from '../server/platform/context.js';
import { newId } from '../server/platform/ids.js';
import { seedDemoAuthority } from './seed-demo-authority.js';
import { seedDemoBases } from './seed-demo-bases.js';
import { seedDemoCompetitions } from './seed-demo-competitions.js';
import { seedDemoProjects } from './seed-demo-projects.js';
import { seedDemoResults } from './seed-demo-results.js';
import { seedDemoShowcase } from './seed-demo-showcase.js';
import { seedDemoSurveys } from './seed-demo-surveys.js';
import { seedDemoTalent } from './seed-demo-talent.js';
import { seedDemoTraining } from './seed-demo-training.js';

export const DEMO_PASSWORD = 'TvetBridge-demo-2026';
export const DEMO_ADMIN_EMAIL = 'admin@pearl-river-tc.example.cn';

interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  locale: string;
}

const DEMO_USERS: DemoUser[] = [
  { email: DEMO_ADMIN_EMAIL, displayName: 'Li Wei 李伟', role: 'admin', locale: 'en' },
  {
    email: 'coordinator@pearl-river-tc.example.cn',
    displayName: 'Chen Xiaomei 陈晓梅',
    role: 'coordinator',
    locale: 'zh-CN',
  },
  {
    email: 'pm@pearl-river-tc.example.cn',
    displayName: 'Huang Jun 黄军',
    role: 'project_manager',
    locale: 'zh-CN',
  },
  { email: 'trainer@pearl-river-tc.example.cn', displayName: 'Zhou Min 周敏', role: 'trainer', locale: 'en' },
];

type SeedContact = Partial<TPartnerInput['contacts'][number]> & { nameLatin: string };
type PartnerSeed = Omit<Partial<TPartnerInput>, 'names' | 'contacts'> &
  Pick<TPartnerInput, 'country' | 'type'> & {
    key: string;
    names: TPartnerInput['names'];
    network?: string;
    contacts?: SeedContact[];
  };

const PARTNERS: PartnerSeed[] = [
  {
    key: 'iucea',
    names: {
      en: 'Inter-University Council for East Africa',
      'zh-CN': '东非大学间理事会',
      fr: "Conseil interuniversitaire pour l'Afrique de l'Est",
      ar: 'المجلس المشترك بين جامعات شرق أفريقيا',
    },
    country: 'UG',
    city: 'Kampala',
    type: '40',
    website: 'https://www.iucea.org',
    tags: ['alliance', 'east africa'],
    notes: 'Regional alliance of East African universities; umbrella for the joint TVET teacher programme.',
    identifiers: [{ scheme: 'other', value: 'IUCEA' }],
  },
  {
    key: 'dpi',
    names: {
      en: 'Dhaka Polytechnic Institute',
      'zh-CN': '达卡理工学院',
      fr: 'Institut polytechnique de Dacca',
      ar: 'معهد دكا للفنون التطبيقية',
    },
    nativeName: 'ঢাকা পলিটেকনিক ইনস্টিটিউট',
    country: 'BD',
    city: 'Dhaka',
    type: '10',
    website: 'https://dpi.polytech.gov.bd',
    tags: ['polytechnic', 'electrical'],
    identifiers: [{ scheme: 'other', value: 'BTEB-10001' }],
    contacts: [
      {
        nameLatin: 'Mohammad Karim',
        nameNative: 'মোহাম্মদ করিম',
        position: 'Principal',
        email: 'principal@dpi.example.bd',
        phone: '+880 2 0000 0000',
        languages: [
          { language: 'bn', level: 'native' },
          { language: 'en', level: 'C1' },
        ],
      },
    ],
  },
  {
    key: 'bteb',
    names: {
      en: 'Bangladesh Technical Education Board',
      'zh-CN': '孟加拉国技术教育委员会',
      fr: "Conseil de l'enseignement technique du Bangladesh",
      ar: 'مجلس التعليم التقني في بنغلاديش',
    },
    nativeName: 'বাংলাদেশ কারিগরি শিক্ষা বোর্ড',
    country: 'BD',
    city: 'Dhaka',
    type: '10',
    tags: ['ministry', 'standards'],
  },
  {
    key: 'navttc',
    names: {
      en: 'National Vocational and Technical Training Commission',
      'zh-CN': '巴基斯坦国家职业技术培训委员会',
      fr: 'Commission nationale de formation professionnelle et technique',
      ar: 'اللجنة الوطنية للتدريب المهني والتقني',
    },
    nativeName: 'قومی پیشہ ورانہ و تکنیکی تربیتی کمیشن',
    country: 'PK',
    city: 'Islamabad',
    type: '10',
    tags: ['government', 'standards'],
    identifiers: [{ scheme: 'other', value: 'NAVTTC' }],
    contacts: [
      {
        nameLatin: 'Sadia Malik',
        nameNative: 'سعدیہ ملک',
        position: 'Director International Cooperation',
        email: 'sadia.malik@navttc.example.pk',
        phone: '+92 51 000 0000',
        languages: [
          { language: 'ur', level: 'native' },
          { language: 'en', level: 'C2' },
        ],
      },
    ],
  },
  {
    key: 'gctr',
    names: {
      en: 'Government College of Technology Rawalpindi',
      'zh-CN': '拉瓦尔品第政府技术学院',
      fr: 'Collège gouvernemental de technologie de Rawalpindi',
      ar: 'الكلية الحكومية للتكنولوجيا في روالبندي',
    },
    nativeName: 'گورنمنٹ کالج آف ٹیکنالوجی راولپنڈی',
    country: 'PK',
    city: 'Rawalpindi',
    type: '80',
    tags: ['teacher training'],
  },
  {
    key: 'tshwane',
    names: {
      en: 'Tshwane South TVET College',
      'zh-CN': '茨瓦内南职业技术学院',
      fr: 'Collège TVET de Tshwane Sud',
      ar: 'كلية جنوب تشواني للتعليم والتدريب التقني والمهني',
    },
    country: 'ZA',
    city: 'Pretoria',
    type: '80',
    website: 'https://www.tsc.edu.za',
    tags: ['TVET', 'automotive', 'worldskills'],
    contacts: [
      {
        nameLatin: 'Nomvula Dlamini',
        position: 'International Relations Officer',
        email: 'n.dlamini@tsc.example.za',
        phone: '+27 12 000 0000',
        languages: [
          { language: 'zu', level: 'native' },
          { language: 'en', level: 'C2' },
        ],
      },
    ],
  },
  {
    key: 'kttc',
    names: {
      en: 'Kenya Technical Trainers College',
      'zh-CN': '肯尼亚技术教师学院',
      fr: 'Collège kényan de formation des formateurs techniques',
      ar: 'كلية كينيا لتدريب المدربين التقنيين',
    },
    country: 'KE',
    city: 'Nairobi',
    type: '80',
    tags: ['teacher training', 'east africa'],
    network: 'iucea',
  },
  {
    key: 'tuk',
    names: {
      en: 'Technical University of Kenya',
      'zh-CN': '肯尼亚技术大学',
      fr: 'Université technique du Kenya',
      ar: 'الجامعة التقنية في كينيا',
    },
    country: 'KE',
    city: 'Nairobi',
    type: '80',
    website: 'https://tukenya.ac.ke',
    tags: ['university'],
    network: 'iucea',
  },
  {
    key: 'dit',
    names: {
      en: 'Dar es Salaam Institute of Technology',
      'zh-CN': '达累斯萨拉姆理工学院',
      fr: 'Institut de technologie de Dar es Salaam',
      ar: 'معهد دار السلام للتكنولوجيا',
    },
    nativeName: 'Taasisi ya Teknolojia Dar es Salaam',
    country: 'TZ',
    city: 'Dar es Salaam',
    type: '80',
    tags: ['engineering', 'east africa'],
    network: 'iucea',
  },
  {
    key: 'kyambogo',
    names: {
      en: 'Kyambogo University',
      'zh-CN': '基安博戈大学',
      fr: 'Université de Kyambogo',
      ar: 'جامعة كيامبوغو',
    },
    country: 'UG',
    city: 'Kampala',
    type: '80',
    tags: ['university', 'teacher training'],
    network: 'iucea',
  },
  {
    key: 'htl',
    names: {
      en: 'HTL Mödling Technical College',
      'zh-CN': '默德林高等技术学校',
      fr: 'Lycée technique supérieur de Mödling',
      ar: 'كلية مودلينغ التقنية العليا',
    },
    nativeName: 'Höhere Technische Bundeslehr- und Versuchsanstalt Mödling',
    country: 'AT',
    city: 'Mödling',
    type: '80',
    tags: ['dual system', 'worldskills'],
    contacts: [
      {
        nameLatin: 'Katharina Huber',
        position: 'Head of International Projects',
        email: 'k.huber@htl.example.at',
        phone: '+43 2236 000 000',
        languages: [
          { language: 'de', level: 'native' },
          { language: 'en', level: 'C1' },
        ],
      },
    ],
  },
  {
    key: 'tud',
    names: {
      en: 'Technological University Dublin',
      'zh-CN': '都柏林理工大学',
      fr: 'Université technologique de Dublin',
      ar: 'جامعة دبلن التكنولوجية',
    },
    nativeName: 'Ollscoil Teicneolaíochta Bhaile Átha Cliath',
    country: 'IE',
    city: 'Dublin',
    type: '80',
    website: 'https://www.tudublin.ie',
    tags: ['retail', 'worldskills'],
    identifiers: [{ scheme: 'schac', value: 'tudublin.ie' }],
  },
  {
    key: 'npic',
    names: {
      en: 'National Polytechnic Institute of Cambodia',
      'zh-CN': '柬埔寨国立理工学院',
      fr: 'Institut national polytechnique du Cambodge',
      ar: 'المعهد الوطني للفنون التطبيقية في كمبوديا',
    },
    nativeName: 'វិទ្យាស្ថានជាតិពហុបច្ចេកទេសកម្ពុជា',
    country: 'KH',
    city: 'Phnom Penh',
    type: '80',
    tags: ['polytechnic', 'retail'],
    contacts: [
      {
        nameLatin: 'Sok Dara',
        nameNative: 'សុខ ដារ៉ា',
        position: 'Vice Director',
        email: 'dara.sok@npic.example.kh',
        phone: '+855 23 000 000',
        languages: [
          { language: 'km', level: 'native' },
          { language: 'en', level: 'B2' },
          { language: 'zh', level: 'A2' },
        ],
      },
    ],
  },
];

function agreementSeeds(today: string, id: (key: string) => string): TAgreementInput[] {
  const base = {
    scope: '',
    signatories: [],
    autoRenewal: false,
    renewalMonths: null,
    expiringWindowDays: 90,
    notes: '',
  };
  return [
    {
      ...base,
      type: 'joint_training_base',
      partnerIds: [id('tshwane')],
      stage: 'signed',
      title: {
        en: 'China-South Africa Joint Training Base for Automotive Technology',
        'zh-CN': '中南汽车技术联合培训基地协议',
      },
      scope: 'Joint training base at Tshwane South; trainer exchange; WorldSkills automotive technology.',
      signedOn: addMonths(today, -14),
      startsOn: addMonths(today, -13),
      endsOn: addMonths(today, 22),
      signatories: [
        { name: 'Li Wei', title: 'President', partyId: null, signedOn: addMonths(today, -14) },
        {
          name: 'Nomvula Dlamini',
          title: 'Principal',
          partyId: id('tshwane'),
          signedOn: addMonths(today, -14),
        },
      ],
    },
    {
      ...base,
      type: 'mou',
      partnerIds: [id('dpi'), id('bteb')],
      stage: 'signed',
      title: {
        en: 'Memorandum of Understanding on Electrical Installation Training',
        'zh-CN': '电气安装培训合作备忘录',
      },
      signedOn: addMonths(today, -35),
      startsOn: addMonths(today, -35),
      endsOn: addDays(today, 45),
    },
    {
      ...base,
      type: 'teacher_exchange',
      partnerIds: [id('gctr')],
      stage: 'signed',
      title: { en: 'Teacher Exchange Programme 2023-2025', 'zh-CN': '2023-2025 年教师交流项目' },
      signedOn: addMonths(today, -40),
      startsOn: addMonths(today, -38),
      endsOn: addDays(today, -20),
    },
    {
      ...base,
      type: 'framework',
      partnerIds: [id('iucea')],
      stage: 'negotiating',
      title: {
        en: 'Framework Agreement on TVET Teacher Development in East Africa',
        'zh-CN': '东非职业教育师资发展框架协议',
      },
      signedOn: null,
      startsOn: addMonths(today, 2),
      endsOn: addMonths(today, 62),
    },
    {
      ...base,
      type: 'competition_cooperation',
      partnerIds: [id('htl'), id('tud'), id('npic')],
      stage: 'draft',
      title: {
        en: 'WorldSkills Retail Invitational: Hosting Cooperation',
        'zh-CN': '世界技能零售邀请赛合作办赛协议',
      },
      signedOn: null,
      startsOn: null,
      endsOn: null,
    },
    {
      ...base,
      type: 'mou',
      partnerIds: [id('navttc')],
      stage: 'signed',
      autoRenewal: true,
      renewalMonths: 12,
      title: { en: 'MoU on Vocational Standards Cooperation', 'zh-CN': '职业标准合作谅解备忘录' },
      signedOn: addMonths(today, -30),
      startsOn: addMonths(today, -30),
      endsOn: addMonths(today, -6),
    },
    {
      ...base,
      type: 'other',
      partnerIds: [id('kyambogo')],
      stage: 'signed',
      title: { en: 'Distance Education Pilot', 'zh-CN': '远程教育试点协议' },
      signedOn: addMonths(today, -20),
      startsOn: addMonths(today, -20),
      endsOn: addMonths(today, 16),
    },
  ];
}

function actorContext(
  deps: Deps,
  userId: string,
  email: string,
  organizationId: string,
  timeZone: string,
): ServiceContext {
  return {
    deps,
    requestId: 'seed-demo',
    ip: '127.0.0.1',
    actor: {
      userId,
      email,
      displayName: 'seed',
      locale: 'en',
      organizationId,
      timeZone,
      role: 'admin',
      permissions: new Set<Permission>(rolePermissions.admin),
      sessionId: 'seed',
      csrfToken: '',
    },
  };
}

/**
 * Creates the demo workspace when the database has no organization yet: a technician college
 * in Guangzhou with its staff, partners on three continents, an East African alliance and
 * agreements in every status (dates relative to today). Returns the admin sign-in, or null
 * when the database already had data.
 */
export async function seedDemoWorkspace(deps: Deps): Promise<{ email: string; password: string } | null> {
  const existing = await deps.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return null;
  }
  const now = deps.clock.now().toISOString();
  const timeZone = 'Asia/Shanghai';
  const orgId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: 'Guangzhou Pearl River Technician College 广州珠江技师学院',
        shortName: 'PRTC',
        country: 'CN',
        timeZone,
        iatiOrgId: 'CN-USCI-12440100MB2C00000X',
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    for (const u of DEMO_USERS) {
      const id = newId();
      userIds.set(u.email, id);
      await trx
        .insertInto('users')
        .values({
          id,
          email: u.email,
          displayName: u.displayName,
          passwordHash,
          locale: u.locale,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await trx
        .insertInto('memberships')
        .values({
          id: newId(),
          organizationId: orgId,
          userId: id,
          role: u.role,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
  });
  const adminId = userIds.get(DEMO_ADMIN_EMAIL) ?? '';
  const ctx = actorContext(deps, adminId, DEMO_ADMIN_EMAIL, orgId, timeZone);
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) ?? '';
  for (const p of PARTNERS) {
    const { key, network, ...fields } = p;
    const input: TPartnerInput = {
      nativeName: '',
      city: '',
      identifiers: [],
      website: '',
      tags: [],
      notes: '',
      ...fields,
      networkIds: network ? [id(network)] : [],
      contacts: (fields.contacts ?? []).map((c) => ({
        nameNative: '',
        position: '',
        email: '',
        phone: '',
        languages: [],
        ...c,
      })),
    };
    ids.set(key, (await partners.createPartner(ctx, input)).id);
  }
  const today = calendarDateInTimeZone(now, timeZone);
  for (const a of agreementSeeds(today, id)) {
    await agreements.createAgreement(ctx, a);
  }
  // Terminated: signed, then ended early by both parties.
  const terminated = await agreements.createAgreement(ctx, {
    type: 'mou',
    partnerIds: [id('dit')],
    stage: 'signed',
    title: { en: 'MoU on Welding Technician Training', 'zh-CN': '焊接技师培训谅解备忘录' },
    scope: '',
    signatories: [],
    autoRenewal: false,
    renewalMonths: null,
    expiringWindowDays: 90,
    notes: '',
    signedOn: addMonths(today, -18),
    startsOn: addMonths(today, -18),
    endsOn: addMonths(today, 18),
  });
  await agreements.terminateAgreement(ctx, terminated.id, {
    version: terminated.version,
    terminatedOn: addMonths(today, -2),
    reason: 'Programme merged into the East African framework agreement.',
  });
  await seedDemoProjects(ctx, ids);
  await seedDemoTraining(ctx);
  await seedDemoSurveys(ctx);
  await seedDemoBases(ctx, ids);
  await seedDemoResults(ctx);
  await seedDemoCompetitions(ctx, ids, passwordHash);
  await seedDemoShowcase(ctx);
  await seedDemoTalent(ctx);
  await seedSecondCollege(deps, passwordHash, now);
  await seedDemoAuthority(deps, passwordHash, now);
  return { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD };
}

/** A second tenant, so that a person can see that one college never sees another's data. */
async function seedSecondCollege(deps: Deps, passwordHash: string, now: string) {
  const orgId = newId();
  const userId = newId();
  const email = 'admin@foshan-tc.example.cn';
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: 'Foshan Technician College 佛山技师学院',
        shortName: 'FSTC',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        iatiOrgId: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email,
        displayName: 'Wang Fang 王芳',
        passwordHash,
        locale: 'zh-CN',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto('memberships')
      .values({
        id: newId(),
        organizationId: orgId,
        userId,
        role: 'admin',
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
  const ctx = actorContext(deps, userId, email, orgId, 'Asia/Shanghai');
  await partners.createPartner(ctx, {
    names: { en: 'Lusaka Business and Technical College', 'zh-CN': '卢萨卡商业技术学院' },
    nativeName: '',
    country: 'ZM',
    city: 'Lusaka',
    type: '80',
    identifiers: [],
    website: '',
    networkIds: [],
    tags: ['TVET'],
    notes: '',
    contacts: [],
  });
}
