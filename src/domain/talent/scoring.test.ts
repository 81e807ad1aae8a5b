import { describe, expect, it } from 'vitest';
import { type ScoreReason, scoreProfile } from './scoring.js';
import { COOKING, competition, GMAW, GTAW, INSPECT, posting, profile, skill } from './test-fixtures.js';
import type { DemandPosting } from './types.js';

/** The reasons of one component, as [code, points, maxPoints, subject]. */
function lines(reasons: ScoreReason[], component: ScoreReason['component']) {
  return reasons
    .filter((r) => r.component === component)
    .map((r) => [
      r.code,
      r.points,
      r.maxPoints,
      r.skillKey ?? r.languageCode ?? r.credentialId ?? r.isco ?? null,
    ]);
}

describe('the worked example (every component applies: the weights add up to 100)', () => {
  // Required: GMAW (weight 2 → 40 points) at level 2 of 3 → 0.6 → 24; GTAW (weight 1 → 20) met → 20.
  // Optional: INSPECT missing → 0 of 12.
  // Credentials: GMAW verified by an employer → 0.5 × 16/3 = 2.67; GTAW attested by certificate c9 →
  //   8/3 = 2.67.
  // Competition: bronze (2/4 × 5/8) + 750 points ((750 − 700)/100 × 3/8) = 0.5 × 8 = 4.
  // Languages: en C1 against B1, two levels above → 2.5 of 2.5; optional de missing → 0 of 2.5.
  // Occupation: same unit group 7212 → 7.
  const p = profile({
    skills: [skill(GMAW, 2, 'employer'), skill(GTAW, 2)],
    languages: [{ code: 'en', cefr: 'C1' }],
    credentials: [{ id: 'c9', title: 'TIG welding', issuedOn: '2025-07-01', skillKeys: [GTAW] }],
    competitionResults: [competition('BRONZE', 750, [GMAW])],
  });
  const result = scoreProfile(posting(), p);

  it('components and total', () => {
    expect(result.components).toEqual({
      requiredSkills: 44,
      optionalSkills: 0,
      credentials: 5.34,
      competition: 4,
      languages: 2.5,
      occupation: 7,
    });
    expect(result.score).toBe(62.84);
  });

  it('reasons say what matched and what is missing, with points', () => {
    const r = result.reasons;
    expect(lines(r, 'requiredSkills')).toEqual([
      ['REQUIRED_SKILL_BELOW_LEVEL', 24, 40, GMAW],
      ['REQUIRED_SKILL_MET', 20, 20, GTAW],
    ]);
    expect(lines(r, 'optionalSkills')).toEqual([['OPTIONAL_SKILL_MISSING', 0, 12, INSPECT]]);
    expect(lines(r, 'credentials')).toEqual([
      ['VERIFIED_SKILL', 2.67, 5.33, GMAW],
      ['CREDENTIAL_COVERS_SKILL', 2.67, 2.67, GTAW],
    ]);
    expect(lines(r, 'languages')).toEqual([
      ['LANGUAGE_ABOVE_MINIMUM', 2.5, 2.5, 'en'],
      ['OPTIONAL_LANGUAGE_MISSING', 0, 2.5, 'de'],
    ]);
    expect(lines(r, 'occupation')).toEqual([['OCCUPATION_SAME_UNIT_GROUP', 7, 7, '7212']]);
    expect(r.find((x) => x.component === 'competition')).toMatchObject({
      code: 'COMPETITION_RESULT',
      outcome: 'partial',
      points: 4,
      maxPoints: 8,
      medal: 'BRONZE',
      competitionPoints: 750,
      competitionSkill: '10 Welding',
    });
    expect(r.find((x) => x.skillKey === GMAW && x.component === 'requiredSkills')).toMatchObject({
      outcome: 'partial',
      level: 2,
      minLevel: 3,
      weight: 2,
    });
    expect(r.find((x) => x.code === 'VERIFIED_SKILL')?.evidence).toBe('employer');
  });

  it('the reasons add up to the components, and the components to the score', () => {
    for (const [component, value] of Object.entries(result.components)) {
      const sum = result.reasons
        .filter((x) => x.component === component)
        .reduce((s, x) => s + x.points * 100, 0);
      expect(Math.round(sum)).toBe(Math.round(value * 100));
    }
  });
});

describe('required skills: partial credit per level gap', () => {
  const q = posting({
    requiredSkills: [{ skillKey: GMAW, minLevel: 4, weight: 1 }],
    optionalSkills: [],
    requiredLanguages: [],
    optionalLanguages: [],
  });
  // Applicable: required 60, credentials 8, competition 8, occupation 7 → 83; required max = 6000/83.
  it.each([
    [4, 72.29, 'REQUIRED_SKILL_MET'],
    [3, 43.37, 'REQUIRED_SKILL_BELOW_LEVEL'],
    [2, 14.46, 'REQUIRED_SKILL_BELOW_LEVEL'],
    [1, 0, 'REQUIRED_SKILL_BELOW_LEVEL'],
  ] as const)('level %i of 4 → %f', (level, points, code) => {
    const s = scoreProfile(q, profile({ occupation: { isco: '5120' }, skills: [skill(GMAW, level)] }));
    expect(s.components.requiredSkills).toBe(points);
    expect(s.reasons[0]?.code).toBe(code);
  });

  it('above the minimum earns nothing more', () => {
    const at = scoreProfile(posting(), profile({ skills: [skill(GMAW, 3)] }));
    const above = scoreProfile(posting(), profile({ skills: [skill(GMAW, 4)] }));
    expect(above.components.requiredSkills).toBe(at.components.requiredSkills);
  });

  it('duplicate entries merge to the highest level and any verification', () => {
    const s = scoreProfile(
      posting(),
      profile({ skills: [skill(GMAW, 1, 'employer'), skill(GMAW, 3), skill(GTAW, 2)] }),
    );
    expect(s.components.requiredSkills).toBe(60);
    expect(s.reasons.find((r) => r.code === 'VERIFIED_SKILL')?.skillKey).toBe(GMAW);
  });
});

describe('credentials and verification', () => {
  it("a skill flagged verified with evidence 'self' does not count", () => {
    const s = scoreProfile(posting(), profile({ skills: [skill(GMAW, 3, 'self', true)] }));
    expect(s.components.credentials).toBe(0);
    expect(s.reasons.filter((r) => r.component === 'credentials').map((r) => r.code)).toEqual([
      'SKILL_NOT_EVIDENCED',
      'SKILL_NOT_EVIDENCED',
    ]);
  });

  it('the first certificate by id is named when several attest a skill', () => {
    const s = scoreProfile(
      posting(),
      profile({
        credentials: [
          { id: 'c2', title: 'B', issuedOn: '2025-01-01', skillKeys: [GMAW] },
          { id: 'c1', title: 'A', issuedOn: '2025-02-01', skillKeys: [GMAW] },
        ],
      }),
    );
    expect(s.reasons.find((r) => r.code === 'CREDENTIAL_COVERS_SKILL')?.credentialId).toBe('c1');
    expect(s.components.credentials).toBe(5.33);
  });
});

describe('competition results', () => {
  const score = (results: ReturnType<typeof competition>[]) =>
    scoreProfile(posting(), profile({ competitionResults: results })).components.competition;

  it.each([
    ['gold, 800 points or more', competition('GOLD', 812, [GMAW]), 8],
    ['silver, no points published', competition('SILVER', null, [GMAW]), 3.75],
    ['Medallion for Excellence at 700', competition('MEDALLION_FOR_EXCELLENCE', 700, [GTAW]), 1.25],
    ['no medal, 740 points', competition(null, 740, [INSPECT]), 1.2],
    ['below the median', competition(null, 650, [GMAW]), 0],
    ['unrelated skill', competition('GOLD', 800, [COOKING]), 0],
  ] as const)('%s', (_name, result, points) => {
    expect(score([result])).toBe(points);
  });

  it('the best related result counts, once', () => {
    expect(score([competition('BRONZE', 720, [GMAW]), competition('GOLD', 760, [GTAW])])).toBe(
      score([competition('GOLD', 760, [GTAW])]),
    );
  });

  it('says when no result is related', () => {
    const s = scoreProfile(posting(), profile({ competitionResults: [competition('GOLD', 800, [COOKING])] }));
    expect(s.reasons.find((r) => r.component === 'competition')).toMatchObject({
      code: 'NO_RELATED_COMPETITION_RESULT',
      outcome: 'missing',
      points: 0,
      maxPoints: 8,
    });
  });
});

describe('languages', () => {
  it.each([
    ['at the minimum', 'B1', 0, 'LANGUAGE_AT_MINIMUM'],
    ['one level above', 'B2', 1.25, 'LANGUAGE_ABOVE_MINIMUM'],
    ['two levels above', 'C1', 2.5, 'LANGUAGE_ABOVE_MINIMUM'],
    ['native', 'native', 2.5, 'LANGUAGE_ABOVE_MINIMUM'],
  ] as const)('required language %s', (_name, cefr, points, code) => {
    const s = scoreProfile(posting(), profile({ languages: [{ code: 'en', cefr }] }));
    expect(s.reasons.find((r) => r.languageCode === 'en')).toMatchObject({ code, points });
  });

  it('an optional language counts at or above its minimum only', () => {
    const de = (cefr: 'A1' | 'A2') =>
      scoreProfile(
        posting(),
        profile({
          languages: [
            { code: 'en', cefr: 'B1' },
            { code: 'de', cefr },
          ],
        }),
      ).components.languages;
    expect(de('A1')).toBe(0);
    expect(de('A2')).toBe(2.5);
  });
});

describe('occupation', () => {
  it.each([
    ['same unit group', '7212', 7, 'OCCUPATION_SAME_UNIT_GROUP'],
    ['same minor group', '7214', 3.5, 'OCCUPATION_SAME_MINOR_GROUP'],
    ['same sub-major group only', '7223', 0, 'OCCUPATION_DIFFERENT'],
  ] as const)('%s', (_name, isco, points, code) => {
    const s = scoreProfile(posting(), profile({ occupation: { isco } }));
    expect(s.reasons.find((r) => r.component === 'occupation')).toMatchObject({ code, points });
  });

  it('the same ESCO occupation counts as the same unit group', () => {
    const uri = 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d';
    const q = posting({ occupation: { isco: '2513', escoUri: uri } });
    const s = scoreProfile(q, profile({ occupation: { isco: '2513', escoUri: uri } }));
    expect(s.components.occupation).toBe(7);
  });
});

describe('component weights', () => {
  const bare: DemandPosting = posting({ optionalSkills: [], requiredLanguages: [], optionalLanguages: [] });

  it('components that do not apply are left out and the rest scaled to 100', () => {
    const s = scoreProfile(
      bare,
      profile({
        skills: [skill(GMAW, 4), skill(GTAW, 4)],
        credentials: [{ id: 'c', title: 'MIG/TIG', issuedOn: '2025-01-01', skillKeys: [GMAW, GTAW] }],
        competitionResults: [competition('GOLD', 800, [GMAW])],
      }),
    );
    expect(s.score).toBe(100);
    expect(s.components.optionalSkills).toBe(0);
    expect(s.components.languages).toBe(0);
    expect(s.components.requiredSkills).toBe(72.29);
  });

  it('a posting with no skills and no languages is scored on occupation alone', () => {
    const q = posting({
      requiredSkills: [],
      optionalSkills: [],
      requiredLanguages: [],
      optionalLanguages: [],
    });
    expect(scoreProfile(q, profile()).score).toBe(100);
    expect(scoreProfile(q, profile({ occupation: { isco: '7213' } })).score).toBe(50);
  });

  it('caller weights replace the defaults', () => {
    const s = scoreProfile(bare, profile({ skills: [skill(GMAW, 3), skill(GTAW, 2)] }), {
      weights: { requiredSkills: 1, credentials: 0, competition: 0, occupation: 1 },
    });
    expect(s.components).toMatchObject({ requiredSkills: 50, occupation: 50 });
    expect(s.score).toBe(100);
  });
});
