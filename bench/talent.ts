// npm run bench:talent [-- --profiles 100000 --postings 1000 --limit 50 --naive-sample 20]
// (or TALENT_PROFILES / TALENT_POSTINGS / TALENT_LIMIT / TALENT_NAIVE_SAMPLE; run with
// `node --expose-gc --import tsx bench/talent.ts` for the heap figures)
//
// Talent matching (issue 6): top-N candidates for every demand posting over a pool of profiles,
// through the index (buildTalentIndex + matchWithIndex), as a ratio to the naive floor measured in
// the same run: every pair scored and every list fully sorted (naiveMatchAll). Both start from the
// same prepared profiles, so the ratio compares the matching alone; building the index is timed
// separately. Ratios, not absolute times, are the result.
//
// The naive floor over 100,000 × 1,000 pairs would take minutes, so it runs on a deterministic
// sample of the postings (every k-th one) and its per-posting time is extrapolated to all of them.
// The index is timed on all postings, and also on the same sample so the ratio can be checked
// like for like. The sampled results of both are compared and must be identical.
//
// Data: generated deterministically (seeded PRNG) for ten college fields, each with 15 skills and
// 2–3 ISCO-08 unit groups; 90 % of a profile's skills come from its own field; 25 countries; ~10 %
// willing to work anywhere; consent given for ~85 %, withdrawn for ~5 %.
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  buildTalentIndex,
  type MatchOptions,
  matchWithIndex,
  naiveMatchAll,
} from '../src/domain/talent/matcher.js';
import type {
  Cefr,
  CompetitionResult,
  DemandPosting,
  LanguageRequirement,
  Medal,
  ProfileSkill,
  SkillLevel,
  SkillRequirement,
  TalentProfile,
} from '../src/domain/talent/types.js';
import { machine, peakRssMiB } from './report.js';

const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: process.env.TALENT_PROFILES ?? '100000' },
    postings: { type: 'string', default: process.env.TALENT_POSTINGS ?? '1000' },
    limit: { type: 'string', default: process.env.TALENT_LIMIT ?? '50' },
    'naive-sample': { type: 'string', default: process.env.TALENT_NAIVE_SAMPLE ?? '20' },
  },
});
const whole = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`--${name} must be a whole number ≥ ${min}, got ${v}`);
  }
  return n;
};
const N_PROFILES = whole('profiles', args.profiles, 1);
const N_POSTINGS = whole('postings', args.postings, 1);
const LIMIT = whole('limit', args.limit, 1);
const NAIVE_SAMPLE = Math.min(whole('naive-sample', args['naive-sample'], 1), N_POSTINGS);

// --- Deterministic data ---------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run sees the same pool. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260601);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
function sample<T>(list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) {
    out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0] as T);
  }
  return out;
}

const FIELDS = [
  { name: 'mechatronics', isco: ['3114', '7233', '8212'] },
  { name: 'elec', isco: ['7411', '7412'] },
  { name: 'cnc', isco: ['7223', '7222'] },
  { name: 'weld', isco: ['7212', '7213', '7214'] },
  { name: 'auto', isco: ['7231', '7412'] },
  { name: 'cook', isco: ['5120', '3434', '7512'] },
  { name: 'retail', isco: ['5223', '3432'] },
  { name: 'web', isco: ['2513', '2512', '3514'] },
  { name: 'log', isco: ['9333', '4321', '8344'] },
  { name: 'care', isco: ['5321', '5322', '2221'] },
].map((f) => ({ ...f, skills: Array.from({ length: 15 }, (_, i) => `college:${f.name}.s${i + 1}`) }));
const ALL_SKILLS = FIELDS.flatMap((f) => f.skills);
const COUNTRIES = 'AE SA QA KZ UZ TH MY ID VN KH LA PK BD EG ET KE NG ZA DE FR GB RS HU BR CN'.split(' ');
const LANGS = ['en', 'zh', 'fr', 'ar', 'ru', 'de', 'es'];
const CEFR: Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];
const MEDALS: (Medal | null)[] = ['GOLD', 'SILVER', 'BRONZE', 'MEDALLION_FOR_EXCELLENCE', null, null];
const level = () => int(1, 4) as SkillLevel;
const date = (year: number) =>
  `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

function makeProfile(i: number): TalentProfile {
  const field = pick(FIELDS);
  const keys = new Set<string>();
  const count = int(4, 10);
  while (keys.size < count) {
    keys.add(rand() < 0.9 ? pick(field.skills) : pick(ALL_SKILLS));
  }
  const skills: ProfileSkill[] = [...keys].map((skillKey) => {
    const evidence = pick(['self', 'self', 'certificate', 'employer', 'competition'] as const);
    return { skillKey, level: level(), evidence, verified: evidence !== 'self' && rand() < 0.8 };
  });
  const languages = sample(LANGS, int(1, 3)).map((code) => ({ code, cefr: pick(CEFR) }));
  const consentRoll = rand();
  const competitionResults: CompetitionResult[] =
    rand() < 0.05
      ? [
          {
            skillNumber: String(int(1, 60)).padStart(2, '0'),
            skillName: field.name,
            points: int(620, 790),
            medal: pick(MEDALS),
            year: int(2019, 2025),
            skillKeys: sample(field.skills, 3),
          },
        ]
      : [];
  return {
    id: `p${String(i).padStart(6, '0')}`,
    occupation: { isco: pick(field.isco) },
    skills,
    languages,
    credentials: Array.from({ length: int(0, 2) }, (_, c) => ({
      id: `c${i}-${c}`,
      title: `${field.name} certificate`,
      issuedOn: date(2025),
      skillKeys: sample([...keys], int(1, 3)),
    })),
    competitionResults,
    education: [{ iscedLevel: int(3, 5), field: field.name }],
    experienceYears: int(0, 12),
    countries: rand() < 0.1 ? ['any'] : sample(COUNTRIES, int(1, 3)),
    availableFrom: date(2026),
    consent:
      consentRoll < 0.85
        ? { given: true, scope: pick(['match', 'match_and_introduce'] as const), givenOn: date(2025) }
        : consentRoll < 0.9
          ? { given: true, scope: 'match', givenOn: date(2025), withdrawnOn: '2026-01-15' }
          : { given: false, scope: 'match', givenOn: null },
  };
}

function makePosting(i: number): DemandPosting {
  const field = pick(FIELDS);
  const keys = sample(field.skills, int(3, 8));
  const nRequired = Math.min(keys.length, int(3, 5));
  const requirement = (skillKey: string): SkillRequirement => ({
    skillKey,
    minLevel: level(),
    weight: int(1, 5),
  });
  const langs = sample(LANGS, int(0, 2));
  const nRequiredLangs = rand() < 0.7 ? Math.min(1, langs.length) : 0;
  const langReq = (code: string): LanguageRequirement => ({
    code,
    minCefr: pick(['A2', 'B1', 'B2'] as Cefr[]),
  });
  return {
    id: `d${String(i).padStart(5, '0')}`,
    enterpriseId: `e${int(1, 200)}`,
    country: pick(COUNTRIES),
    site: `site ${i}`,
    occupation: { isco: pick(field.isco) },
    requiredSkills: keys.slice(0, nRequired).map(requirement),
    optionalSkills: keys.slice(nRequired).map(requirement),
    requiredLanguages: langs.slice(0, nRequiredLangs).map(langReq),
    optionalLanguages: langs.slice(nRequiredLangs).map(langReq),
    headcount: int(1, 30),
    startDate: date(pick([2026, 2027])),
    contract: { type: 'fixed_term', durationMonths: int(6, 36) },
  };
}

// --- Run ---------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = () => {
  gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
};

let t0 = performance.now();
const profiles = Array.from({ length: N_PROFILES }, (_, i) => makeProfile(i));
const postings = Array.from({ length: N_POSTINGS }, (_, i) => makePosting(i));
const generateMs = performance.now() - t0;
const heapBeforeIndex = heapMiB();

t0 = performance.now();
const index = buildTalentIndex(profiles);
const indexMs = performance.now() - t0;
const heapWithIndex = heapMiB();

const options: MatchOptions = { today: '2026-01-31', limit: LIMIT, exclusions: 'counts' };
const step = Math.max(1, Math.floor(N_POSTINGS / NAIVE_SAMPLE));
const sampled = postings.filter((_, i) => i % step === 0).slice(0, NAIVE_SAMPLE);

// Warm-up (not timed): JIT both paths.
for (const q of sampled.slice(0, 3)) {
  matchWithIndex(index, q, options);
}
naiveMatchAll(sampled.slice(0, 1), index, options);

let checksum = 0;
let candidates = 0;
t0 = performance.now();
for (const q of postings) {
  const r = matchWithIndex(index, q, options);
  checksum += r.eligibleCount;
  candidates += r.candidates.length;
}
const indexedMs = performance.now() - t0;

t0 = performance.now();
const indexedSample = sampled.map((q) => matchWithIndex(index, q, options));
const indexedSampleMs = performance.now() - t0;

t0 = performance.now();
const naiveSample = naiveMatchAll(sampled, index, options);
const naiveSampleMs = performance.now() - t0;

if (!isDeepStrictEqual(indexedSample, naiveSample)) {
  throw new Error('the index and the naive floor disagree on the sampled postings');
}

const naivePerPosting = naiveSampleMs / sampled.length;
const naiveExtrapolatedMs = naivePerPosting * N_POSTINGS;
const relevant = indexedSample.reduce((s, r) => s + (N_PROFILES - r.notRelevantCount), 0) / sampled.length;
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const m = machine();

console.log(`talent matching: ${N_PROFILES} profiles × ${N_POSTINGS} postings, top ${LIMIT} per posting`);
console.log(`machine:             ${m.cpus} CPU ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}`);
console.log(`data generation:     ${fmt(generateMs)} (not part of the result)`);
console.log(
  `index build:         ${fmt(indexMs)} (validate + prepare ${N_PROFILES} profiles, inverted lists)`,
);
console.log(
  `indexed, all:        ${fmt(indexedMs)} (${(indexedMs / N_POSTINGS).toFixed(2)} ms per posting; ${candidates} candidates, eligible Σ ${checksum})`,
);
console.log(
  `naive floor:         ${fmt(naiveSampleMs)} for ${sampled.length} sampled postings, ${naivePerPosting.toFixed(1)} ms each → ${fmt(naiveExtrapolatedMs)} extrapolated to ${N_POSTINGS}`,
);
console.log(
  `relevant per posting: ${Math.round(relevant)} of ${N_PROFILES} profiles visited by the index (mean, sample)`,
);
console.log(`ratio (all):         naive ÷ indexed = ${(naiveExtrapolatedMs / indexedMs).toFixed(1)}× faster`);
console.log(
  `ratio (same sample): naive ÷ indexed = ${(naiveSampleMs / indexedSampleMs).toFixed(1)}× faster (results identical)`,
);
console.log(
  `ratio incl. build:   naive ÷ (build + indexed) = ${(naiveExtrapolatedMs / (indexMs + indexedMs)).toFixed(1)}×`,
);
console.log(`peak RSS:            ${peakRssMiB()} MiB`);
console.log(
  gc
    ? `heap:                ${heapBeforeIndex} MiB (profiles + postings), ${heapWithIndex} MiB with the index (+${heapWithIndex - heapBeforeIndex})`
    : 'heap:                run with node --expose-gc for heap figures',
);
