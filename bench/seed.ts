import type { Kysely } from 'kysely';
import type { TPartnerInput } from '../src/contracts/partners.js';
import { IATI_ORGANISATION_TYPES } from '../src/contracts/partners.js';
import type { Role } from '../src/contracts/roles.js';
import { partnerColumns } from '../src/server/modules/partners/partners.repository.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import type { Database } from '../src/server/platform/db/database.js';
import { newId } from '../src/server/platform/ids.js';

/** A small deterministic PRNG (mulberry32), so every run seeds the same spread. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) {
        return x;
      }
    }
    return (xs[xs.length - 1] as readonly [T, number])[0];
  };
  return { next, int, pick, weighted };
}

// ~40 countries, weighted roughly like a Chinese vocational college's partner book (Belt and Road
// Africa and Asia first, then Europe), each with a couple of cities for names and search text.
const COUNTRIES: readonly (readonly [string, number, readonly string[]])[] = [
  ['KE', 40, ['Nairobi', 'Mombasa', 'Kisumu', 'Eldoret']],
  ['CN', 60, ['Tianjin', 'Shenzhen', 'Chongqing', 'Wuxi']],
  ['DE', 35, ['Stuttgart', 'Munich', 'Dortmund']],
  ['ET', 25, ['Addis Ababa', 'Bahir Dar']],
  ['NG', 25, ['Lagos', 'Abuja', 'Kano']],
  ['ZA', 25, ['Johannesburg', 'Durban', 'Cape Town']],
  ['TH', 30, ['Bangkok', 'Chiang Mai']],
  ['VN', 30, ['Hanoi', 'Da Nang', 'Ho Chi Minh City']],
  ['ID', 30, ['Jakarta', 'Surabaya', 'Bandung']],
  ['MY', 25, ['Kuala Lumpur', 'Penang']],
  ['KZ', 25, ['Almaty', 'Astana']],
  ['UZ', 20, ['Tashkent', 'Samarkand']],
  ['PK', 20, ['Lahore', 'Karachi']],
  ['EG', 20, ['Cairo', 'Alexandria']],
  ['TZ', 20, ['Dar es Salaam', 'Arusha']],
  ['UG', 15, ['Kampala', 'Jinja']],
  ['RW', 12, ['Kigali']],
  ['ZM', 12, ['Lusaka', 'Ndola']],
  ['GH', 15, ['Accra', 'Kumasi']],
  ['SN', 10, ['Dakar']],
  ['CI', 10, ['Abidjan']],
  ['MA', 12, ['Casablanca', 'Rabat']],
  ['FR', 20, ['Lyon', 'Toulouse', 'Lille']],
  ['GB', 20, ['Birmingham', 'Manchester', 'Glasgow']],
  ['CH', 12, ['Zurich', 'Bern']],
  ['AT', 10, ['Vienna', 'Linz']],
  ['NL', 10, ['Rotterdam', 'Eindhoven']],
  ['FI', 8, ['Tampere', 'Oulu']],
  ['RU', 15, ['Kazan', 'Novosibirsk']],
  ['BY', 8, ['Minsk']],
  ['SG', 10, ['Singapore']],
  ['KH', 12, ['Phnom Penh']],
  ['LA', 10, ['Vientiane']],
  ['MN', 8, ['Ulaanbaatar']],
  ['AU', 12, ['Melbourne', 'Brisbane']],
  ['NZ', 6, ['Auckland']],
  ['BR', 10, ['Sao Paulo', 'Curitiba']],
  ['AR', 6, ['Cordoba']],
  ['CL', 6, ['Santiago']],
  ['US', 12, ['Columbus', 'Milwaukee']],
];

const COUNTRY_WEIGHTS = COUNTRIES.map(([c, w]) => [c, w] as const);
const CITIES = new Map(COUNTRIES.map(([c, , cities]) => [c, cities]));

// Mostly academic/training bodies (80), then companies, government, NGOs, multilaterals.
const TYPE_WEIGHTS: readonly (readonly [TPartnerInput['type'], number])[] = IATI_ORGANISATION_TYPES.map(
  (t) => {
    const w: Record<string, number> = {
      '80': 50,
      '70': 15,
      '10': 8,
      '11': 4,
      '21': 5,
      '22': 5,
      '40': 3,
      '60': 2,
    };
    return [t, w[t] ?? 1] as const;
  },
);

const KINDS_BY_TYPE: Record<string, readonly string[]> = {
  '80': [
    'Polytechnic',
    'Technical Training Institute',
    'Vocational College',
    'University of Applied Sciences',
    'Institute of Technology',
    'Technical and Vocational Education Centre',
    'Industrial Training Centre',
  ],
  '70': ['Automotive Ltd', 'Rail Engineering Co.', 'Electrical Works', 'Logistics Group', 'Machinery Corp.'],
  '10': ['Ministry of Education Directorate', 'TVET Authority', 'Skills Development Agency'],
  '11': ['County Education Office', 'Municipal Skills Board'],
};
const OTHER_KINDS = [
  'Skills Foundation',
  'Cooperation Network',
  'Development Association',
  'Training Alliance',
];
const PREFIXES = [
  '',
  '',
  '',
  'National ',
  'Regional ',
  'New ',
  'Eastern ',
  'Western ',
  'St. Joseph ',
  'Kenyatta ',
];
const TAGS = [
  'dual-training',
  'mechatronics',
  'rail',
  'automotive',
  'ict',
  'electrical',
  'hospitality',
  'agriculture',
  'renewable-energy',
  'teacher-exchange',
  'luban-workshop',
  'scholarship',
  'welding',
  'logistics',
  'health',
];

export interface SeededOrg {
  organizationId: string;
  partners: number;
  agreements: number;
  email?: string;
}

interface OrgSpec {
  name: string;
  partners: number;
  agreements: number;
  timeZone: string;
  seed: number;
}

const BATCH = 500;

async function insertInBatches<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await insert(rows.slice(i, i + BATCH));
  }
}

function isoDay(base: Date, offsetDays: number): string {
  return new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Partners, tags, identifiers, agreements and parties of one organization, inside `trx`. */
async function seedOrganization(trx: Kysely<Database>, spec: OrgSpec, now: Date): Promise<SeededOrg> {
  const r = prng(spec.seed);
  const organizationId = newId();
  const nowIso = now.toISOString();
  await trx
    .insertInto('organizations')
    .values({
      id: organizationId,
      name: spec.name,
      shortName: '',
      country: 'CN',
      timeZone: spec.timeZone,
      iatiOrgId: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    })
    .execute();

  const partnerRows: Database['partners'][] = [];
  const tagRows: { organizationId: string; partnerId: string; tag: string }[] = [];
  const identifierRows: Database['partnerIdentifiers'][] = [];
  const partnerIds: string[] = [];
  for (let i = 0; i < spec.partners; i++) {
    const id = newId();
    const country = r.weighted(COUNTRY_WEIGHTS);
    const city = r.pick(CITIES.get(country) ?? ['Capital']);
    const type = r.weighted(TYPE_WEIGHTS);
    const kind = r.pick(KINDS_BY_TYPE[type] ?? OTHER_KINDS);
    const en = `${r.pick(PREFIXES)}${city} ${kind}${r.next() < 0.3 ? ` No. ${1 + r.int(12)}` : ''}`;
    const names: Record<string, string> = { en };
    if (r.next() < 0.25) {
      names.fr = `${kind} de ${city}`;
    }
    if (country === 'CN' || r.next() < 0.1) {
      names['zh-CN'] = `${city}职业技术学院`;
    }
    const tags = [...new Set(Array.from({ length: r.int(4) }, () => r.pick(TAGS)))];
    const identifiers: TPartnerInput['identifiers'] =
      r.next() < 0.4
        ? [{ scheme: r.next() < 0.7 ? 'iati' : 'schac', value: `${country}-REG-${spec.seed}-${i}` }]
        : [];
    const input: TPartnerInput = {
      names,
      nativeName: names['zh-CN'] ?? '',
      country,
      city,
      type,
      identifiers,
      website: r.next() < 0.6 ? `https://www.example-${i}.${country.toLowerCase()}.example` : '',
      networkIds: [],
      tags,
      notes:
        r.next() < 0.3 ? `Met at the ${2019 + r.int(7)} skills fair; interested in ${r.pick(TAGS)}.` : '',
      contacts: [],
    };
    const created = new Date(now.getTime() - r.int(900) * 86_400_000).toISOString();
    partnerRows.push({
      id,
      organizationId,
      ...partnerColumns(input),
      // About 3% archived, so the default `archived=false` filter has something to drop.
      archivedAt: r.next() < 0.03 ? created : null,
      createdAt: created,
      updatedAt: created,
      createdBy: null,
      updatedBy: null,
      version: 1,
    });
    partnerIds.push(id);
    for (const tag of tags) {
      tagRows.push({ organizationId, partnerId: id, tag: tag.toLowerCase() });
    }
    for (const ident of identifiers) {
      identifierRows.push({
        id: newId(),
        organizationId,
        partnerId: id,
        scheme: ident.scheme,
        value: ident.value,
        valueNorm: ident.value.trim().toLowerCase(),
      });
    }
  }

  // Agreements: ~70% signed; of those most in force, some expired (a third of them renewing
  // themselves, hence still in force), a few terminated. 1–3 parties each.
  const agreementRows: Database['agreements'][] = [];
  const partyRows: { organizationId: string; agreementId: string; partnerId: string }[] = [];
  for (let i = 0; i < spec.agreements; i++) {
    const id = newId();
    const stage = r.weighted([
      ['signed', 70],
      ['negotiating', 15],
      ['draft', 15],
    ] as const);
    const signed = stage === 'signed';
    const startOffset = -30 - r.int(1500);
    const ending = r.next();
    const endsOn = ending < 0.15 ? null : isoDay(now, ending < 0.7 ? 30 + r.int(1200) : -1 - r.int(400));
    const terminated = signed && r.next() < 0.05;
    const title = `${r.pick(['Memorandum of Understanding', 'Framework Agreement', 'Teacher Exchange', 'Joint Training Base'])} ${i}`;
    agreementRows.push({
      id,
      organizationId,
      type: r.pick([
        'mou',
        'framework',
        'joint_training_base',
        'teacher_exchange',
        'competition_cooperation',
        'other',
      ]),
      titleJson: JSON.stringify({ en: title }),
      titleSort: title.toLowerCase(),
      scope: '',
      stage,
      signedOn: signed ? isoDay(now, startOffset) : null,
      startsOn: isoDay(now, startOffset),
      endsOn,
      autoRenewal: r.next() < 0.3 ? 1 : 0,
      renewalMonths: 12,
      expiringWindowDays: 90,
      terminatedOn: terminated ? isoDay(now, -1 - r.int(200)) : null,
      terminationReason: terminated ? 'Programme closed' : null,
      signatoriesJson: '[]',
      notes: '',
      searchText: title.toLowerCase(),
      createdAt: nowIso,
      updatedAt: nowIso,
      createdBy: null,
      updatedBy: null,
      version: 1,
    });
    const parties = new Set(Array.from({ length: 1 + r.int(3) }, () => r.pick(partnerIds)));
    for (const partnerId of parties) {
      partyRows.push({ organizationId, agreementId: id, partnerId });
    }
  }

  await insertInBatches(partnerRows, (c) => trx.insertInto('partners').values(c).execute());
  await insertInBatches(tagRows, (c) => trx.insertInto('partnerTags').values(c).execute());
  await insertInBatches(identifierRows, (c) => trx.insertInto('partnerIdentifiers').values(c).execute());
  await insertInBatches(agreementRows, (c) => trx.insertInto('agreements').values(c).execute());
  await insertInBatches(partyRows, (c) => trx.insertInto('agreementParties').values(c).execute());
  return { organizationId, partners: spec.partners, agreements: spec.agreements };
}

async function createMember(
  trx: Kysely<Database>,
  organizationId: string,
  role: Role,
  email: string,
  hash: string,
  now: string,
) {
  const userId = newId();
  await trx
    .insertInto('users')
    .values({
      id: userId,
      email,
      displayName: `Bench ${role}`,
      passwordHash: hash,
      locale: 'en',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await trx
    .insertInto('memberships')
    .values({ id: newId(), organizationId, userId, role, status: 'active', createdAt: now, updatedAt: now })
    .execute();
}

export const BENCH_PASSWORD = 'bench horse battery staple';

/**
 * The big organization (10,000 partners by default) with a coordinator to sign in as, and a
 * second organization (2,000 partners) whose rows must never show up in the first one's lists.
 */
export async function seedBench(
  db: Kysely<Database>,
  opts: { partners: number; otherPartners: number; now: Date },
) {
  const hash = await hashPassword(BENCH_PASSWORD);
  const nowIso = opts.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const main = await seedOrganization(
      trx,
      {
        name: 'Bench Polytechnic',
        partners: opts.partners,
        agreements: Math.round(opts.partners / 4),
        timeZone: 'Asia/Shanghai',
        seed: 1,
      },
      opts.now,
    );
    const other = await seedOrganization(
      trx,
      {
        name: 'Other College',
        partners: opts.otherPartners,
        agreements: Math.round(opts.otherPartners / 4),
        timeZone: 'Europe/Berlin',
        seed: 2,
      },
      opts.now,
    );
    const email = 'coordinator@bench.example';
    await createMember(trx, main.organizationId, 'coordinator', email, hash, nowIso);
    await createMember(trx, other.organizationId, 'coordinator', 'coordinator@other.example', hash, nowIso);
    return { main: { ...main, email }, other };
  });
}
