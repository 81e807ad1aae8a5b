import type { TCompetitorInput, TSkillInput } from '../contracts/competitions.js';
import type { Role } from '../contracts/roles.js';
import { addDays } from '../domain/dates/calendar-date.js';
import * as competitions from '../server/modules/competitions/competitions.service.js';
import * as entrants from '../server/modules/competitions/entrants.service.js';
import * as experts from '../server/modules/competitions/experts.service.js';
import * as members from '../server/modules/competitions/members.service.js';
import * as skills from '../server/modules/competitions/skills.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { newId } from '../server/platform/ids.js';
import { todayFor } from '../server/platform/today.js';
import { seedDemoMarking } from './seed-demo-marking.js';

// The demo competition: the Greater Bay Area International Skills Invitational hosted by the demo
// college, running today (C1 was yesterday), with eight members, four skills (Mechatronics as a team
// skill of two), a chief expert per skill and experts of several members who have demo accounts,
// so that mark entry can be shown. Everything goes through the services, so it is audited.

interface MemberSeed {
  code: string;
  country: string;
  names: Record<string, string>;
  partner?: string;
  /** Competitors' names: [given, family, native]. */
  people: [string, string, string][];
}

const MEMBERS: MemberSeed[] = [
  {
    code: 'AT',
    country: 'AT',
    names: { en: 'Austria', 'zh-CN': '奥地利', fr: 'Autriche', ar: 'النمسا' },
    partner: 'htl',
    people: [
      ['Lena', 'Gruber', ''],
      ['Maximilian', 'Huber', ''],
      ['Sophie', 'Wagner', ''],
      ['Jakob', 'Pichler', ''],
      ['Anna', 'Steiner', ''],
    ],
  },
  {
    code: 'IE',
    country: 'IE',
    names: { en: 'Ireland', 'zh-CN': '爱尔兰', fr: 'Irlande', ar: 'أيرلندا' },
    partner: 'tud',
    people: [
      ['Aoife', 'Murphy', ''],
      ['Cian', "O'Brien", ''],
      ['Niamh', 'Kelly', ''],
      ['Darragh', 'Byrne', ''],
      ['Saoirse', 'Walsh', ''],
    ],
  },
  {
    code: 'KH',
    country: 'KH',
    names: { en: 'Cambodia', 'zh-CN': '柬埔寨', fr: 'Cambodge', ar: 'كمبوديا' },
    people: [
      ['Sokha', 'Chan', 'ចាន់ សុខា'],
      ['Dara', 'Sok', 'សុខ ដារា'],
      ['Sreyneang', 'Kim', 'គីម ស្រីនាង'],
      ['Vannak', 'Heng', 'ហេង វណ្ណៈ'],
      ['Chenda', 'Ly', 'លី ចិន្តា'],
    ],
  },
  {
    code: 'BD',
    country: 'BD',
    names: { en: 'Bangladesh', 'zh-CN': '孟加拉国', fr: 'Bangladesh', ar: 'بنغلاديش' },
    partner: 'dpi',
    people: [
      ['Tanvir', 'Hossain', 'তানভীর হোসেন'],
      ['Nusrat', 'Jahan', 'নুসরাত জাহান'],
      ['Arif', 'Rahman', 'আরিফ রহমান'],
      ['Sadia', 'Islam', 'সাদিয়া ইসলাম'],
      ['Rakib', 'Ahmed', 'রাকিব আহমেদ'],
    ],
  },
  {
    code: 'PK',
    country: 'PK',
    names: { en: 'Pakistan', 'zh-CN': '巴基斯坦', fr: 'Pakistan', ar: 'باكستان' },
    partner: 'navttc',
    people: [
      ['Hamza', 'Khan', 'حمزہ خان'],
      ['Ayesha', 'Malik', 'عائشہ ملک'],
      ['Bilal', 'Qureshi', 'بلال قریشی'],
      ['Fatima', 'Raza', 'فاطمہ رضا'],
      ['Usman', 'Iqbal', 'عثمان اقبال'],
    ],
  },
  {
    code: 'ZA',
    country: 'ZA',
    names: { en: 'South Africa', 'zh-CN': '南非', fr: 'Afrique du Sud', ar: 'جنوب أفريقيا' },
    partner: 'tshwane',
    people: [
      ['Thabo', 'Nkosi', ''],
      ['Lerato', 'Mokoena', ''],
      ['Sipho', 'Dlamini', ''],
      ['Naledi', 'Khumalo', ''],
      ['Kagiso', 'Molefe', ''],
    ],
  },
  {
    code: 'KE',
    country: 'KE',
    names: { en: 'Kenya', 'zh-CN': '肯尼亚', fr: 'Kenya', ar: 'كينيا' },
    partner: 'kttc',
    people: [
      ['Wanjiru', 'Kamau', ''],
      ['Brian', 'Otieno', ''],
      ['Achieng', 'Odhiambo', ''],
      ['Kipchoge', 'Kiprotich', ''],
      ['Mercy', 'Wambui', ''],
    ],
  },
  {
    code: 'CN',
    country: 'CN',
    names: { en: 'China', 'zh-CN': '中国', fr: 'Chine', ar: 'الصين' },
    people: [
      ['Hao', 'Lin', '林浩'],
      ['Jia', 'Xu', '徐佳'],
      ['Yuting', 'Chen', '陈雨婷'],
      ['Zihan', 'Wang', '王子涵'],
      ['Kai', 'Deng', '邓凯'],
    ],
  },
];

const SKILLS: (Pick<TSkillInput, 'number' | 'names'> & Partial<TSkillInput>)[] = [
  {
    number: '04',
    names: { en: 'Mechatronics', 'zh-CN': '机电一体化', fr: 'Mécatronique', ar: 'الميكاترونكس' },
    teamBased: true,
    teamSize: 2,
  },
  {
    number: '17',
    names: { en: 'Web Technologies', 'zh-CN': '网站技术', fr: 'Technologies du web', ar: 'تقنيات الويب' },
  },
  { number: '34', names: { en: 'Cooking', 'zh-CN': '烹饪（西餐）', fr: 'Cuisine', ar: 'الطهي' } },
  {
    number: '44',
    names: {
      en: 'Visual Merchandising',
      'zh-CN': '商品展示技术',
      fr: 'Marchandisage visuel',
      ar: 'العرض المرئي للبضائع',
    },
    skillType: 'demonstration',
    excludeFromMemberComparison: true,
  },
];

/** Chief expert (independent, a college account) and experts with accounts from three members per skill. */
const EXPERTS: Record<string, { chief: [string, string]; members: [string, string, string][] }> = {
  '04': {
    chief: ['Zhiqiang', 'Liang'],
    members: [
      ['AT', 'Florian', 'Bauer'],
      ['ZA', 'Johan', 'van der Merwe'],
      ['PK', 'Imran', 'Shah'],
    ],
  },
  '17': {
    chief: ['Min', 'Zhou'],
    members: [
      ['IE', 'Siobhan', 'Doyle'],
      ['KE', 'Peter', 'Mwangi'],
      ['BD', 'Farhana', 'Akter'],
    ],
  },
  '34': {
    chief: ['Yu', 'He'],
    members: [
      ['AT', 'Christina', 'Leitner'],
      ['KH', 'Sophal', 'Meas'],
      ['ZA', 'Zanele', 'Ndlovu'],
    ],
  },
  '44': {
    chief: ['Xiaomei', 'Chen'],
    members: [
      ['IE', 'Orla', 'Fitzgerald'],
      ['CN', 'Jing', 'Zhao'],
      ['PK', 'Sana', 'Javed'],
    ],
  },
};

/** A demo account with an active membership; returns its id. */
async function demoUser(
  ctx: ServiceContext,
  passwordHash: string,
  email: string,
  displayName: string,
  role: Role,
): Promise<string> {
  const now = ctx.deps.clock.now().toISOString();
  const id = newId();
  await ctx.deps.db
    .insertInto('users')
    .values({ id, email, displayName, passwordHash, locale: 'en', createdAt: now, updatedAt: now })
    .execute();
  await ctx.deps.db
    .insertInto('memberships')
    .values({
      id: newId(),
      organizationId: ctx.actor.organizationId,
      userId: id,
      role,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '');

/** `partnerIds` maps the demo partner keys to their ids; `passwordHash` is the demo password's. */
export async function seedDemoCompetitions(
  ctx: ServiceContext,
  partnerIds: ReadonlyMap<string, string>,
  passwordHash: string,
) {
  const today = todayFor(ctx);
  const created = await competitions.createCompetition(ctx, {
    names: {
      en: 'Greater Bay Area International Skills Invitational 2026',
      'zh-CN': '2026 粤港澳大湾区国际技能邀请赛',
      fr: 'Invitation internationale des compétences de la Grande Baie 2026',
      ar: 'دعوة منطقة الخليج الكبرى الدولية للمهارات 2026',
    },
    slug: 'gba-invitational-2026',
    startsOn: addDays(today, -1),
    endsOn: addDays(today, 1),
    venue: 'Intelligent Manufacturing Building and Training Restaurant',
    city: 'Guangzhou',
    country: 'CN',
    hostName: 'Guangzhou Pearl River Technician College',
    hostPartnerId: null,
    status: 'running',
    registrationOpensOn: addDays(today, -75),
    registrationClosesOn: addDays(today, -14),
    description:
      'An invitational in four WorldSkills skills for young professionals of the college’s partner countries, ' +
      'marked to the WorldSkills standard (CIS-style marking schemes, three judges per judgement aspect).',
    settings: {
      scale: { method: 'median_mad', centre: 700, pointsPerSpread: 30, sd: 'population' },
      tieTolerance: 0,
      medallionThreshold: 700,
      aspectMarkRounding: 'exact',
      sectionTolerance: 5,
      maxAspectMark: 2,
      minEntrantsForAllMedals: 0,
      noBronzeFromSilverCount: 3,
      awardScoreBasis: 'points',
    },
  });
  const competitionId = created.id;

  const memberIds = new Map<string, string>();
  for (const m of MEMBERS) {
    const member = await members.createMember(ctx, competitionId, {
      code: m.code,
      names: m.names,
      kind: 'country',
      country: m.country,
      partnerId: (m.partner && partnerIds.get(m.partner)) || null,
    });
    memberIds.set(m.code, member.id);
  }
  // Registrars of two members (partner role), to show the registration portal.
  for (const [code, email, name] of [
    ['AT', 'registrar@htl.example.at', 'Katharina Huber'],
    ['KE', 'registrar@kttc.example.ke', 'Grace Njeri'],
  ] as const) {
    const userId = await demoUser(ctx, passwordHash, email, name, 'partner');
    await members.addRegistrar(ctx, memberIds.get(code) ?? '', userId);
  }

  const skillIds = new Map<string, string>();
  for (const s of SKILLS) {
    const skill = await skills.createSkill(ctx, competitionId, {
      skillType: 'official',
      teamBased: false,
      teamSize: 1,
      maxEntriesPerMember: 1,
      allowCompatriotMarking: false,
      generateResultsAndMedals: true,
      excludeFromMemberComparison: false,
      excludeFromAlbertVidal: false,
      numJudges: 3,
      maxJudgeSpread: 1,
      markingSuspended: false,
      ...s,
    });
    skillIds.set(s.number, skill.id);
  }

  // Entries: every member in every skill, competitors taken in turn from the member's list.
  const birth = (i: number, j: number) => addDays('2003-01-15', -(i * 97 + j * 41));
  for (const [mi, m] of MEMBERS.entries()) {
    let next = 0;
    for (const [si, s] of SKILLS.entries()) {
      const size = s.teamBased ? (s.teamSize ?? 2) : 1;
      const competitors: TCompetitorInput[] = Array.from({ length: size }, (_, k) => {
        const [firstName, lastName, nameNative] = m.people[next++ % m.people.length] as [
          string,
          string,
          string,
        ];
        return {
          firstName,
          lastName,
          nameNative,
          gender: (mi + si + k) % 2 === 0 ? 'female' : 'male',
          birthDate: birth(mi, si + k),
          email: `${slugPart(firstName)}.${slugPart(lastName)}@competitors.example`,
          participantId: null,
        };
      });
      const entry = await entrants.createEntry(ctx, competitionId, {
        skillId: skillIds.get(s.number) ?? '',
        memberId: memberIds.get(m.code) ?? '',
        displayName: '',
        bench: String(mi + 1),
        competitors,
      });
      await entrants.setEntryStatus(ctx, entry.id, {
        version: entry.version,
        status: 'confirmed',
        reason: '',
      });
    }
  }

  // Experts: a chief expert per skill and three member experts, each with a demo account.
  for (const s of SKILLS) {
    const skillId = skillIds.get(s.number) ?? '';
    const plan = EXPERTS[s.number];
    if (!plan) {
      continue;
    }
    const [chiefFirst, chiefLast] = plan.chief;
    const chiefEmail = `chief.${s.number}@pearl-river-tc.example.cn`;
    await experts.createExpert(ctx, competitionId, {
      skillId,
      memberId: null,
      userId: await demoUser(ctx, passwordHash, chiefEmail, `${chiefFirst} ${chiefLast}`, 'chief_expert'),
      firstName: chiefFirst,
      lastName: chiefLast,
      email: chiefEmail,
      role: 'chief_expert',
      status: 'confirmed',
    });
    for (const [code, firstName, lastName] of plan.members) {
      const email = `expert.${s.number}.${code.toLowerCase()}@experts.example`;
      await experts.createExpert(ctx, competitionId, {
        skillId,
        memberId: memberIds.get(code) ?? null,
        userId: await demoUser(ctx, passwordHash, email, `${firstName} ${lastName}`, 'expert'),
        firstName,
        lastName,
        email,
        role: 'expert',
        status: 'confirmed',
      });
    }
  }

  await competitions.replaceDays(ctx, competitionId, {
    version: (await competitions.getCompetition(ctx, competitionId)).version,
    days: [
      { code: 'C-1', date: addDays(today, -2), label: 'Familiarisation and marker briefing' },
      { code: 'C1', date: addDays(today, -1), label: 'Competition day 1' },
      { code: 'C2', date: today, label: 'Competition day 2' },
      { code: 'C3', date: addDays(today, 1), label: 'Competition day 3 and closing' },
    ],
  });
  for (const [i, s] of SKILLS.entries()) {
    await competitions.createWorkshop(ctx, competitionId, {
      skillId: skillIds.get(s.number) ?? null,
      name: `Workshop ${String.fromCharCode(65 + i)} — ${s.names.en}`,
      location: s.number === '34' ? 'Training Restaurant kitchen' : 'Intelligent Manufacturing Building',
      workstations: MEMBERS.length,
      notes: '',
    });
  }

  // Marking schemes, teams, marks, disputes and published results (seed-demo-marking.ts).
  await seedDemoMarking(ctx, skillIds);
}
