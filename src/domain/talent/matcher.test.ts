import { describe, expect, it } from 'vitest';
import { buildTalentIndex, matchCandidates, matchWithIndex, naiveMatchAll } from './matcher.js';
import type { ExclusionReason } from './scoring.js';
import { GMAW, GTAW, INSPECT, posting, profile, skill } from './test-fixtures.js';
import type { TalentProfile } from './types.js';
import { TalentInputError } from './validation.js';

const today = '2026-02-01';
const opts = { today, limit: 10 };

/** A welder who passes every filter of the default posting. */
const welder = (overrides: Partial<TalentProfile> = {}) =>
  profile({ skills: [skill(GMAW, 3), skill(GTAW, 2)], ...overrides });

describe('hard filters', () => {
  it.each<[string, Partial<TalentProfile>, ExclusionReason[]]>([
    [
      'consent never given',
      { consent: { given: false, scope: 'match', givenOn: null } },
      [{ code: 'CONSENT_NOT_GIVEN' }],
    ],
    [
      'consent given after today',
      { consent: { given: true, scope: 'match', givenOn: '2026-02-02' } },
      [{ code: 'CONSENT_NOT_GIVEN' }],
    ],
    [
      'consent withdrawn',
      {
        consent: {
          given: true,
          scope: 'match_and_introduce',
          givenOn: '2025-01-01',
          withdrawnOn: '2026-01-31',
        },
      },
      [{ code: 'CONSENT_WITHDRAWN' }],
    ],
    [
      'consent withdrawn today, still excluded at once',
      { consent: { given: true, scope: 'match', givenOn: '2025-01-01', withdrawnOn: today } },
      [{ code: 'CONSENT_WITHDRAWN' }],
    ],
    ['another country only', { countries: ['FR', 'SA'] }, [{ code: 'COUNTRY_NOT_ACCEPTED' }]],
    ['available after the start date', { availableFrom: '2026-03-02' }, [{ code: 'NOT_AVAILABLE_BY_START' }]],
    [
      'required language missing',
      { languages: [{ code: 'fr', cefr: 'C2' }] },
      [{ code: 'LANGUAGE_MISSING', languageCode: 'en', minCefr: 'B1' }],
    ],
    [
      'required language below minimum',
      { languages: [{ code: 'en', cefr: 'A2' }] },
      [{ code: 'LANGUAGE_BELOW_MINIMUM', languageCode: 'en', cefr: 'A2', minCefr: 'B1' }],
    ],
    [
      'several failures, all recorded in order',
      {
        consent: { given: false, scope: 'match', givenOn: null },
        countries: ['FR'],
        availableFrom: '2027-01-01',
        languages: [],
      },
      [
        { code: 'CONSENT_NOT_GIVEN' },
        { code: 'COUNTRY_NOT_ACCEPTED' },
        { code: 'NOT_AVAILABLE_BY_START' },
        { code: 'LANGUAGE_MISSING', languageCode: 'en', minCefr: 'B1' },
      ],
    ],
  ])('%s', (_name, overrides, reasons) => {
    const result = matchCandidates(posting(), [welder(overrides)], opts);
    expect(result.candidates).toEqual([]);
    expect(result.eligibleCount).toBe(0);
    expect(result.excludedCount).toBe(1);
    expect(result.excluded).toEqual([{ profileId: 'p1', reasons }]);
    for (const r of reasons) {
      expect(result.excludedByReason[r.code]).toBe(1);
    }
  });

  it.each<[string, Partial<TalentProfile>]>([
    ["'any' country", { countries: ['any'] }],
    ['available exactly on the start date', { availableFrom: '2026-03-01' }],
    ['language exactly at the minimum', { languages: [{ code: 'en', cefr: 'B1' }] }],
    ['native speaker above C2', { languages: [{ code: 'en', cefr: 'native' }] }],
    ['consent given today', { consent: { given: true, scope: 'match', givenOn: today } }],
  ])('passes: %s', (_name, overrides) => {
    const result = matchCandidates(posting(), [welder(overrides)], opts);
    expect(result.candidates.map((c) => c.profileId)).toEqual(['p1']);
    expect(result.excludedCount).toBe(0);
  });

  it('a withdrawn profile is excluded by the index too, and never appears among candidates', () => {
    const profiles = [
      welder({ id: 'a' }),
      welder({ id: 'b', consent: { ...welder().consent, withdrawnOn: today } }),
    ];
    for (const result of [
      matchCandidates(posting(), profiles, opts),
      matchWithIndex(buildTalentIndex(profiles), posting(), opts),
    ]) {
      expect(result.candidates.map((c) => c.profileId)).toEqual(['a']);
      expect(result.excluded).toEqual([{ profileId: 'b', reasons: [{ code: 'CONSENT_WITHDRAWN' }] }]);
    }
  });

  it("with exclusions 'counts' the result names nobody who was filtered out", () => {
    const profiles = [welder({ id: 'a' }), welder({ id: 'hidden', countries: ['FR'] })];
    const result = matchCandidates(posting(), profiles, { ...opts, exclusions: 'counts' });
    expect(result.excluded).toBeUndefined();
    expect(result.excludedCount).toBe(1);
    expect(result.excludedByReason.COUNTRY_NOT_ACCEPTED).toBe(1);
    expect(JSON.stringify(result)).not.toContain('hidden');
  });
});

describe('relevance', () => {
  it('a profile sharing no skill and no minor group is counted, not scored or listed', () => {
    const cook = profile({
      id: 'cook',
      occupation: { isco: '5120' },
      skills: [skill('college:cook.pastry', 4)],
    });
    const result = matchCandidates(posting(), [cook, welder({ id: 'w' })], opts);
    expect(result.notRelevantCount).toBe(1);
    expect(result.candidates.map((c) => c.profileId)).toEqual(['w']);
    expect(result.excluded).toEqual([]);
  });

  it('the same minor group is enough (a sheet-metal worker for a welding post)', () => {
    const sheet = profile({ id: 's', occupation: { isco: '7213' } });
    const result = matchCandidates(posting(), [sheet], opts);
    expect(result.candidates.map((c) => c.profileId)).toEqual(['s']);
  });

  it('an optional skill alone is enough', () => {
    const inspector = profile({ id: 'i', occupation: { isco: '7543' }, skills: [skill(INSPECT, 2)] });
    expect(matchCandidates(posting(), [inspector], opts).candidates).toHaveLength(1);
  });
});

describe('ranking', () => {
  it('orders by score, and limits to the top N', () => {
    const profiles = [
      welder({ id: 'low', skills: [skill(GMAW, 1)] }),
      welder({ id: 'top', skills: [skill(GMAW, 4), skill(GTAW, 4), skill(INSPECT, 3)] }),
      welder({ id: 'mid' }),
    ];
    const all = matchCandidates(posting(), profiles, opts);
    expect(all.candidates.map((c) => c.profileId)).toEqual(['top', 'mid', 'low']);
    const scores = all.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const two = matchCandidates(posting(), profiles, { ...opts, limit: 2 });
    expect(two.candidates.map((c) => c.profileId)).toEqual(['top', 'mid']);
    expect(two.eligibleCount).toBe(3);
    expect(matchCandidates(posting(), profiles, { ...opts, limit: 0 }).candidates).toEqual([]);
  });

  it('equal profiles rank by id', () => {
    const profiles = ['c', 'a', 'b'].map((id) => welder({ id }));
    expect(matchCandidates(posting(), profiles, opts).candidates.map((c) => c.profileId)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('an exact tie on score is broken by the required-skills component, before the id', () => {
    // Weights 50 / 30 / 20 (required skills, credentials, occupation), nothing else: scale 1.
    const weights = {
      requiredSkills: 50,
      optionalSkills: 0,
      credentials: 30,
      competition: 0,
      languages: 0,
      occupation: 20,
    };
    const q = posting({
      requiredSkills: [{ skillKey: GMAW, minLevel: 2, weight: 1 }],
      optionalSkills: [],
      requiredLanguages: [],
      optionalLanguages: [],
    });
    // z: the skill at level (50), another minor group (0) → 50.
    const z = welder({ id: 'z', occupation: { isco: '5120' }, skills: [skill(GMAW, 2)] });
    // a: one level short (0.6 × 50 = 30), the same unit group (20) → 50.
    const a = welder({ id: 'a', skills: [skill(GMAW, 1)] });
    const result = matchCandidates(q, [a, z], { ...opts, weights });
    expect(result.candidates.map((c) => [c.profileId, c.score, c.components.requiredSkills])).toEqual([
      ['z', 50, 50],
      ['a', 50, 30],
    ]);
  });
});

describe('input checks', () => {
  it('refuses an invalid posting with the field named', () => {
    const bad = posting({ requiredSkills: [{ skillKey: 'welding', minLevel: 3, weight: 0 }] });
    expect(() => matchCandidates(bad, [], opts)).toThrow(TalentInputError);
    try {
      matchCandidates(bad, [], opts);
    } catch (e) {
      expect((e as TalentInputError).issues).toEqual([
        { path: 'requiredSkills[0].skillKey', code: 'invalid_skill_key' },
        { path: 'requiredSkills[0].weight', code: 'invalid_weight' },
      ]);
    }
  });

  it('refuses a skill listed as both required and optional', () => {
    const bad = posting({ optionalSkills: [{ skillKey: GMAW, minLevel: 1, weight: 1 }] });
    expect(() => matchCandidates(bad, [], opts)).toThrow(/optionalSkills\[0\]\.skillKey duplicate_skill/);
  });

  it('refuses an invalid profile, duplicate ids, and bad options', () => {
    expect(() => matchCandidates(posting(), [profile({ availableFrom: '2026-02-30' })], opts)).toThrow(
      /profile p1: availableFrom invalid_date/,
    );
    expect(() => buildTalentIndex([profile(), profile()])).toThrow(/duplicate_id/);
    expect(() => matchCandidates(posting(), [], { today: '1 Feb 2026', limit: 5 })).toThrow(RangeError);
    expect(() => matchCandidates(posting(), [], { today, limit: -1 })).toThrow(RangeError);
    expect(() => matchCandidates(posting(), [], { today, limit: 5, weights: { languages: -1 } })).toThrow(
      /weights.languages/,
    );
  });
});

describe('naiveMatchAll and the index agree on a small pool', () => {
  it('per posting', () => {
    const profiles = [
      welder({ id: 'w1' }),
      welder({ id: 'w2', skills: [skill(GMAW, 4, 'certificate')] }),
      welder({ id: 'w3', countries: ['FR'] }),
      profile({ id: 'c1', occupation: { isco: '5120' } }),
    ];
    const postings = [posting(), posting({ id: 'd2', country: 'FR' })];
    const index = buildTalentIndex(profiles);
    const indexed = postings.map((q) => matchWithIndex(index, q, opts));
    expect(naiveMatchAll(postings, profiles, opts)).toEqual(indexed);
    expect(naiveMatchAll(postings, index, opts)).toEqual(indexed);
    expect(indexed[0]?.candidates.map((c) => c.profileId)).toEqual(['w1', 'w2']);
    expect(indexed[1]?.candidates.map((c) => c.profileId)).toEqual(['w3']);
  });
});
