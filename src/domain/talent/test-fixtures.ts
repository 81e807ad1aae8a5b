/** Builders and fast-check arbitraries for the talent tests (test code only). */
import fc from 'fast-check';
import { CEFR_LEVELS } from './scales.js';
import type {
  CompetitionResult,
  DemandPosting,
  Medal,
  ProfileSkill,
  SkillLevel,
  SkillRequirement,
  TalentProfile,
} from './types.js';

export const GMAW = 'college:weld.gmaw';
export const GTAW = 'college:weld.gtaw';
export const INSPECT = 'college:weld.inspect-welds';
export const COOKING = 'college:cook.cooking-techniques';

export function profile(overrides: Partial<TalentProfile> = {}): TalentProfile {
  return {
    id: 'p1',
    occupation: { isco: '7212' },
    skills: [],
    languages: [{ code: 'en', cefr: 'B2' }],
    credentials: [],
    competitionResults: [],
    education: [{ iscedLevel: 4, field: 'Welding technology' }],
    experienceYears: 2,
    countries: ['DE'],
    availableFrom: '2026-01-01',
    consent: { given: true, scope: 'match', givenOn: '2025-06-01', withdrawnOn: null },
    ...overrides,
  };
}

export function posting(overrides: Partial<DemandPosting> = {}): DemandPosting {
  return {
    id: 'd1',
    enterpriseId: 'e1',
    country: 'DE',
    site: 'Duisburg plant',
    occupation: { isco: '7212' },
    requiredSkills: [
      { skillKey: GMAW, minLevel: 3, weight: 2 },
      { skillKey: GTAW, minLevel: 2, weight: 1 },
    ],
    optionalSkills: [{ skillKey: INSPECT, minLevel: 2, weight: 1 }],
    requiredLanguages: [{ code: 'en', minCefr: 'B1' }],
    optionalLanguages: [{ code: 'de', minCefr: 'A2' }],
    headcount: 3,
    startDate: '2026-03-01',
    contract: { type: 'fixed_term', durationMonths: 24 },
    ...overrides,
  };
}

export function skill(
  skillKey: string,
  level: SkillLevel,
  evidence: ProfileSkill['evidence'] = 'self',
  verified = evidence !== 'self',
): ProfileSkill {
  return { skillKey, level, evidence, verified };
}

export function competition(
  medal: Medal | null,
  points: number | null,
  skillKeys: string[],
): CompetitionResult {
  return { skillNumber: '10', skillName: 'Welding', points, medal, year: 2025, skillKeys };
}

// --- Arbitraries: small key spaces, so that profiles and postings collide often. -------------

export const SKILL_KEYS = [GMAW, GTAW, INSPECT, COOKING, 'college:cnc.milling', 'college:cnc.turning'];
const ISCO = ['7212', '7213', '7223', '5120', '3434'];
const COUNTRIES = ['DE', 'FR', 'SA'];
const DATES = ['2025-12-01', '2026-01-15', '2026-03-01', '2026-04-01'];
const LANGS = ['en', 'de', 'fr'];

const level = fc.constantFrom<SkillLevel>(1, 2, 3, 4);
const cefr = fc.constantFrom(...CEFR_LEVELS);
const skillKey = fc.constantFrom(...SKILL_KEYS);

export const profileSkillArb = fc.record({
  skillKey,
  level,
  verified: fc.boolean(),
  evidence: fc.constantFrom('certificate', 'competition', 'self', 'employer' as const),
});

const competitionArb = fc.record({
  skillNumber: fc.constantFrom('06', '07', '10'),
  skillName: fc.constantFrom('CNC Turning', 'CNC Milling', 'Welding'),
  points: fc.option(fc.integer({ min: 600, max: 820 }), { nil: null }),
  medal: fc.option(fc.constantFrom<Medal>('GOLD', 'SILVER', 'BRONZE', 'MEDALLION_FOR_EXCELLENCE'), {
    nil: null,
  }),
  year: fc.integer({ min: 2019, max: 2026 }),
  skillKeys: fc.uniqueArray(skillKey, { maxLength: 2 }),
});

/** A profile without its id (ids are assigned by `profilesArb`). */
export const profileArb = fc.record({
  occupation: fc.record({ isco: fc.constantFrom(...ISCO) }),
  skills: fc.array(profileSkillArb, { maxLength: 5 }),
  languages: fc.uniqueArray(fc.record({ code: fc.constantFrom(...LANGS), cefr }), {
    selector: (l) => l.code,
    maxLength: 3,
  }),
  credentials: fc.array(
    fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3'),
      title: fc.constant('Certificate'),
      issuedOn: fc.constant('2025-07-01'),
      skillKeys: fc.uniqueArray(skillKey, { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  competitionResults: fc.array(competitionArb, { maxLength: 2 }),
  education: fc.constant<TalentProfile['education']>([]),
  experienceYears: fc.integer({ min: 0, max: 20 }),
  countries: fc.uniqueArray(fc.constantFrom(...COUNTRIES, 'any'), { minLength: 1, maxLength: 3 }),
  availableFrom: fc.constantFrom(...DATES),
  consent: fc.oneof(
    fc.record({
      given: fc.constant(true),
      scope: fc.constantFrom('match', 'match_and_introduce' as const),
      givenOn: fc.constantFrom('2025-01-01', '2026-02-01', '2026-06-01'),
      withdrawnOn: fc.option(fc.constant('2026-01-10'), { nil: null }),
    }),
    fc.constant({ given: false, scope: 'match' as const, givenOn: null, withdrawnOn: null }),
  ),
});

export const profilesArb = fc.array(profileArb, { maxLength: 40 }).map((list) =>
  // Unique ids in an order that is not the array order (7919 is prime, so i ↦ 7919·i mod 1000 is 1:1).
  list.map((p, i): TalentProfile => ({ ...p, id: `p${String((i * 7919) % 1000).padStart(3, '0')}` })),
);

const requirementsArb = (min: number) =>
  fc.uniqueArray(fc.record({ skillKey, minLevel: level, weight: fc.integer({ min: 1, max: 5 }) }), {
    selector: (r) => r.skillKey,
    minLength: min,
    maxLength: 3,
  });

export const postingArb = fc
  .record({
    required: requirementsArb(0),
    optional: requirementsArb(0),
    languages: fc.uniqueArray(fc.record({ code: fc.constantFrom(...LANGS), minCefr: cefr }), {
      selector: (l) => l.code,
      maxLength: 2,
    }),
    requiredLanguageCount: fc.integer({ min: 0, max: 2 }),
    country: fc.constantFrom(...COUNTRIES),
    isco: fc.constantFrom(...ISCO),
    startDate: fc.constantFrom(...DATES),
  })
  .map((r): DemandPosting => {
    const requiredKeys = new Set(r.required.map((s) => s.skillKey));
    const optional: SkillRequirement[] = r.optional.filter((s) => !requiredKeys.has(s.skillKey));
    return posting({
      id: 'dx',
      country: r.country,
      occupation: { isco: r.isco },
      requiredSkills: r.required,
      optionalSkills: optional,
      requiredLanguages: r.languages.slice(0, r.requiredLanguageCount),
      optionalLanguages: r.languages.slice(r.requiredLanguageCount),
      startDate: r.startDate,
    });
  });
