import type { TPartnerInput } from '../contracts/partners.js';
import { type Permission, type Role, rolePermissions } from '../contracts/roles.js';
import type { TTalentProfileInputRaw } from '../contracts/talent.js';
import { ZTalentProfileInput } from '../contracts/talent.js';
import { ZDemandPostingInput } from '../contracts/talent-demand.js';
import { addDays } from '../domain/dates/calendar-date.js';
import { ESCO_STARTER } from '../domain/talent/taxonomy/index.js';
import * as partners from '../server/modules/partners/partners.service.js';
import * as demand from '../server/modules/talent/demand.service.js';
import * as talent from '../server/modules/talent/talent.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { parseJson } from '../server/platform/db/sql-helpers.js';
import { newId } from '../server/platform/ids.js';
import { todayFor } from '../server/platform/today.js';

/** Occupations of the college's fields, with the starter set's skills taught for them. */
const FIELDS = {
  welding: { isco: '7212', escoUri: null },
  electrical_installation: { isco: '7411', escoUri: null },
  cnc_machining: { isco: '7223', escoUri: null },
  cooking_hospitality: { isco: '5120', escoUri: null },
  web_development: {
    isco: '2513',
    escoUri: 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d',
  },
  nursing_care: { isco: '5321', escoUri: null },
  mechatronics: { isco: '3114', escoUri: null },
} as const;
type Field = keyof typeof FIELDS;
const FIELD_ORDER = Object.keys(FIELDS) as Field[];

function skillsOf(field: Field, n: number, levels: readonly number[]) {
  return ESCO_STARTER.filter((e) => e.kind === 'skill' && e.field === field)
    .slice(0, n)
    .map((e, i) => ({ skillKey: e.key, level: levels[i % levels.length] ?? 2, evidence: 'self' as const }));
}

/** Graduates of partner colleges abroad (not in the college's training records). */
const PARTNER_GRADUATES: [string, string, string, string, Field, string[]][] = [
  [
    'Nguyen Van Minh',
    'Nguyễn Văn Minh',
    'minh.nguyen@hcmtvc.example.vn',
    'vi',
    'welding',
    ['SG', 'MY', 'AE'],
  ],
  ['Tran Thi Hoa', 'Trần Thị Hoa', 'hoa.tran@hcmtvc.example.vn', 'vi', 'cooking_hospitality', ['SG', 'QA']],
  ['Samuel Otieno', '', 'samuel.otieno@kenyatvet.example.ke', 'sw', 'electrical_installation', ['AE', 'SA']],
  ['Grace Wanjiru', '', 'grace.wanjiru@kenyatvet.example.ke', 'sw', 'nursing_care', ['any']],
  ['Youssef Benali', 'يوسف بن علي', 'youssef.benali@ofppt.example.ma', 'ar', 'cnc_machining', ['FR', 'AE']],
  [
    'Fatima Zahra Idrissi',
    'فاطمة الزهراء الإدريسي',
    'fatima.idrissi@ofppt.example.ma',
    'ar',
    'web_development',
    ['any'],
  ],
  ['Aung Kyaw', 'အောင်ကျော်', 'aung.kyaw@ytu.example.mm', 'my', 'mechatronics', ['TH', 'MY']],
  [
    'Dilnoza Karimova',
    'Дилноза Каримова',
    'dilnoza.k@tashkent-tvet.example.uz',
    'uz',
    'welding',
    ['KZ', 'AE'],
  ],
];

const CEFR_EN = ['A2', 'B1', 'B2', 'C1'] as const;

async function create(ctx: ServiceContext, input: TTalentProfileInputRaw) {
  return talent.createProfile(ctx, ZTalentProfileInput.parse(input));
}

/**
 * 20–30 plausible profiles: trainees of the college's programmes, competitors of its competitions
 * (their published results show as verified), and partner colleges' graduates. About half consented
 * (some to introductions), one withdrew, the rest have not been asked yet.
 */
export async function seedDemoTalent(ctx: ServiceContext): Promise<void> {
  const orgId = ctx.actor.organizationId;
  const today = todayFor(ctx);
  const db = ctx.deps.db;
  const participants = await db
    .selectFrom('trainingParticipants')
    .select(['id', 'nameLatin', 'nameNative', 'email', 'languagesJson', 'country'])
    .where('organizationId', '=', orgId)
    .orderBy('createdAt')
    .limit(10)
    .execute();
  const competitors = await db
    .selectFrom('competitionCompetitors')
    .select(['id', 'firstName', 'lastName', 'nameNative', 'email', 'participantId'])
    .where('organizationId', '=', orgId)
    .where('participantId', 'is', null)
    .orderBy('createdAt')
    .limit(6)
    .execute();

  const ids: string[] = [];
  let n = 0;
  const next = () => n++;

  for (const p of participants) {
    const i = next();
    const field = FIELD_ORDER[i % FIELD_ORDER.length] as Field;
    const own = parseJson<string[]>(p.languagesJson, []).filter((l) => /^[a-z]{2}$/.test(l));
    const created = await create(ctx, {
      participantId: p.id,
      nameLatin: p.nameLatin,
      nameNative: p.nameNative,
      email: p.email,
      locale: own.includes('fr') ? 'fr' : own.includes('ar') ? 'ar' : 'en',
      iscoCode: FIELDS[field].isco,
      escoUri: FIELDS[field].escoUri,
      skills: skillsOf(field, 2 + (i % 3), [3, 2, 4]),
      languages: [
        ...own.slice(0, 1).map((code) => ({ code, cefr: 'native' as const })),
        ...(own.includes('en') ? [] : [{ code: 'en', cefr: CEFR_EN[i % CEFR_EN.length] as 'B1' }]),
      ],
      countries: i % 4 === 0 ? ['any'] : ['AE', 'SA', 'MY'].slice(0, 1 + (i % 3)),
      availableFrom: addDays(today, 30 + i * 14),
      experienceYears: i % 5,
      education: [
        {
          iscedLevel: 4,
          field: field.replace(/_/g, ' '),
          institution: 'Pearl River Technical College',
          completedYear: 2025,
        },
      ],
    });
    ids.push(created.id);
  }

  for (const c of competitors) {
    const i = next();
    const created = await create(ctx, {
      competitorId: c.id,
      nameLatin: `${c.firstName} ${c.lastName}`.trim(),
      nameNative: c.nameNative,
      email: c.email,
      iscoCode: '5223',
      skills: ESCO_STARTER.filter((e) => e.kind === 'skill' && e.field === 'retail_visual_merchandising').map(
        (e, k) => ({ skillKey: e.key, level: 3 + (k % 2), evidence: 'competition' as const }),
      ),
      languages: [{ code: 'en', cefr: CEFR_EN[i % CEFR_EN.length] as 'B1' }],
      countries: ['any'],
      availableFrom: addDays(today, 60),
      experienceYears: 1,
    });
    ids.push(created.id);
  }

  for (const [nameLatin, nameNative, email, lang, field, countries] of PARTNER_GRADUATES) {
    const i = next();
    const created = await create(ctx, {
      nameLatin,
      nameNative,
      email,
      locale: lang === 'ar' ? 'ar' : 'en',
      iscoCode: FIELDS[field].isco,
      escoUri: FIELDS[field].escoUri,
      skills: skillsOf(field, 3, [2, 3, 3]),
      languages: [
        { code: lang, cefr: 'native' },
        { code: 'en', cefr: CEFR_EN[i % CEFR_EN.length] as 'B1' },
        ...(i % 2 === 0 ? [{ code: 'zh', cefr: 'A2' as const }] : []),
      ],
      countries,
      availableFrom: addDays(today, 20 + i * 7),
      experienceYears: 2 + (i % 4),
    });
    ids.push(created.id);
  }

  // Consent: every other profile on paper, some to introductions; one later withdrawn.
  for (const [k, id] of ids.entries()) {
    if (k % 2 === 1) {
      continue;
    }
    await talent.recordConsent(ctx, id, {
      scope: k % 6 === 0 ? 'match_and_introduce' : 'match',
      note: `Signed consent form, talent binder 2026, sheet ${k + 1}`,
    });
  }
  const withdrawn = ids[2];
  if (withdrawn) {
    await talent.withdrawConsent(ctx, withdrawn, { note: 'Asked by phone to be removed from matching' });
  }
  await seedDemoTalentAccounts(ctx);
}

/** Enterprises abroad the college works with, recorded as private-sector partners (IATI 71). */
const ENTERPRISES: (Pick<TPartnerInput, 'names' | 'country' | 'city' | 'website'> & {
  key: string;
  recruiters: [string, string][];
})[] = [
  {
    key: 'alnoor',
    names: {
      en: 'Al Noor Engineering Services LLC',
      'zh-CN': '阿尔努尔工程服务有限责任公司',
      fr: 'Al Noor Engineering Services LLC',
      ar: 'شركة النور للخدمات الهندسية ذ.م.م',
    },
    country: 'AE',
    city: 'Abu Dhabi',
    website: '',
    recruiters: [
      ['hr@alnoor-eng.example.ae', 'Layla Al Mansoori'],
      ['site.recruiter@alnoor-eng.example.ae', 'Rashid Khan'],
    ],
  },
  {
    key: 'selangor',
    names: {
      en: 'Selangor Precision Manufacturing Sdn Bhd',
      'zh-CN': '雪兰莪精密制造有限公司',
      fr: 'Selangor Precision Manufacturing Sdn Bhd',
      ar: 'سيلانغور للتصنيع الدقيق',
    },
    country: 'MY',
    city: 'Shah Alam',
    website: '',
    recruiters: [['talent@selangor-precision.example.my', 'Tan Mei Ling']],
  },
];

/** The trainee whose account manages their own talent profile ("My talent profile") in the demo. */
export const DEMO_PARTICIPANT_EMAIL = 'nasrin.akter@demo.example';

/** A demo account with an active membership, optionally acting for a partner; returns its id. */
async function demoMember(
  ctx: ServiceContext,
  u: { email: string; displayName: string; role: Role; partnerId: string | null },
): Promise<string> {
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now().toISOString();
  // Every demo account has the demo password: the seeding admin's hash is that password's.
  const { passwordHash } = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      email: u.email,
      displayName: u.displayName,
      passwordHash,
      locale: 'en',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: newId(),
      organizationId: ctx.actor.organizationId,
      userId: id,
      role: u.role,
      partnerId: u.partnerId,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/**
 * Enterprises as partners of the college, each with its recruiters' accounts linked to it (two
 * recruiters of Al Noor share its posting and shortlist), and one participant account that manages
 * its talent profile signed in.
 */
export async function seedDemoTalentAccounts(ctx: ServiceContext): Promise<void> {
  const today = todayFor(ctx);
  for (const e of ENTERPRISES) {
    const partner = await partners.createPartner(ctx, {
      names: e.names,
      nativeName: '',
      country: e.country,
      city: e.city,
      type: '71',
      identifiers: [],
      website: e.website,
      networkIds: [],
      tags: ['employer', 'overseas demand'],
      notes: 'Recruits graduates for its sites abroad; its recruiters post demand in TVET Bridge.',
      contacts: [],
    });
    const ids: string[] = [];
    for (const [email, displayName] of e.recruiters) {
      ids.push(await demoMember(ctx, { email, displayName, role: 'enterprise', partnerId: partner.id }));
    }
    const [first] = e.recruiters;
    if (e.key === 'alnoor' && first && ids[0]) {
      // Posted by the first recruiter: the second one sees and manages it too.
      const recruiter: ServiceContext = {
        ...ctx,
        actor: {
          ...ctx.actor,
          userId: ids[0],
          email: first[0],
          displayName: first[1],
          role: 'enterprise',
          permissions: new Set<Permission>(rolePermissions.enterprise),
        },
      };
      const weld = ESCO_STARTER.filter((s) => s.kind === 'skill' && s.field === 'welding').slice(0, 2);
      await demand.createPosting(
        recruiter,
        ZDemandPostingInput.parse({
          country: 'AE',
          site: 'Abu Dhabi, Mussafah',
          iscoCode: '7212',
          headcount: 4,
          startDate: addDays(today, 150),
          contract: { type: 'fixed_term', durationMonths: 24, hoursPerWeek: 48, accommodationProvided: true },
          requiredSkills: weld.slice(0, 1).map((s) => ({ skillKey: s.key, minLevel: 2, weight: 3 })),
          optionalSkills: weld.slice(1).map((s) => ({ skillKey: s.key, minLevel: 3, weight: 1 })),
          requiredLanguages: [{ code: 'en', minCefr: 'A2' }],
        }),
      );
    }
  }

  // A trainee with a talent profile gets a participant account linked to it.
  const profile = await ctx.deps.db
    .selectFrom('talentProfiles')
    .select(['id', 'email', 'nameLatin', 'version'])
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('email', '=', DEMO_PARTICIPANT_EMAIL)
    .executeTakeFirst();
  if (profile) {
    await demoMember(ctx, {
      email: profile.email.toLowerCase(),
      displayName: profile.nameLatin,
      role: 'participant',
      partnerId: null,
    });
    await talent.linkAccount(ctx, profile.id, { version: profile.version, linked: true });
  }
}
