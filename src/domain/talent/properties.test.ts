import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTalentIndex, matchCandidates, matchWithIndex, naiveMatchAll } from './matcher.js';
import {
  EXCLUSION_CODES,
  exclusionMask,
  exclusionReasons,
  passesFilters,
  preparePosting,
  prepareProfile,
  SCORE_COMPONENTS,
  scoreProfile,
} from './scoring.js';
import { postingArb, profileArb, profileSkillArb, profilesArb } from './test-fixtures.js';
import type { SkillLevel, TalentProfile } from './types.js';

const todayArb = fc.constantFrom('2026-01-01', '2026-02-01', '2026-12-31');
const withId = (p: Omit<TalentProfile, 'id'>): TalentProfile => ({ ...p, id: 'p' });

describe('the index returns exactly what the linear scan returns', () => {
  it('on random pools and postings, with lists and with counts', () => {
    fc.assert(
      fc.property(
        profilesArb,
        fc.array(postingArb, { minLength: 1, maxLength: 4 }),
        todayArb,
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('list' as const, 'counts' as const),
        (profiles, postings, today, limit, exclusions) => {
          const options = { today, limit, exclusions };
          const index = buildTalentIndex(profiles);
          postings.forEach((q, i) => {
            const posting = { ...q, id: `d${i}` };
            expect(matchWithIndex(index, posting, options)).toEqual(
              matchCandidates(posting, profiles, options),
            );
          });
          expect(postings.map((q, i) => matchWithIndex(index, { ...q, id: `d${i}` }, options))).toEqual(
            naiveMatchAll(
              postings.map((q, i) => ({ ...q, id: `d${i}` })),
              profiles,
              options,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accounts for every profile exactly once', () => {
    fc.assert(
      fc.property(profilesArb, postingArb, todayArb, (profiles, posting, today) => {
        const r = matchCandidates(posting, profiles, { today, limit: 5 });
        expect(r.eligibleCount + r.excludedCount + r.notRelevantCount).toBe(profiles.length);
        expect(r.excluded).toHaveLength(r.excludedCount);
        expect(r.candidates.length).toBe(Math.min(5, r.eligibleCount));
      }),
    );
  });
});

describe('filters', () => {
  it('exclusionMask, exclusionReasons and passesFilters agree', () => {
    fc.assert(
      fc.property(profileArb, postingArb, todayArb, (p, q, today) => {
        const pp = prepareProfile(withId(p));
        const qq = preparePosting(q);
        const mask = exclusionMask(pp, qq, today);
        const codes = new Set(exclusionReasons(pp, qq, today).map((r) => r.code));
        expect(EXCLUSION_CODES.filter((_, bit) => mask & (1 << bit))).toEqual(
          EXCLUSION_CODES.filter((c) => codes.has(c)),
        );
        expect(passesFilters(pp, qq, today)).toBe(mask === 0);
      }),
    );
  });
});

describe('score properties', () => {
  it('adding a skill the posting asks for never lowers the score', () => {
    fc.assert(
      fc.property(postingArb, profileArb, profileSkillArb, fc.nat(), (posting, p, extra, pick) => {
        const keys = [...posting.requiredSkills, ...posting.optionalSkills].map((s) => s.skillKey);
        fc.pre(keys.length > 0);
        const added = { ...extra, skillKey: keys[pick % keys.length] as string };
        const before = scoreProfile(posting, withId(p)).score;
        const after = scoreProfile(posting, withId({ ...p, skills: [...p.skills, added] })).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('adding any skill never lowers the score', () => {
    fc.assert(
      fc.property(postingArb, profileArb, profileSkillArb, (posting, p, extra) => {
        const before = scoreProfile(posting, withId(p)).score;
        const after = scoreProfile(posting, withId({ ...p, skills: [extra, ...p.skills] })).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('raising a skill level never lowers the score', () => {
    fc.assert(
      fc.property(
        postingArb,
        profileArb,
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        (posting, p, pick, step) => {
          fc.pre(p.skills.length > 0);
          const i = pick % p.skills.length;
          const raised = p.skills.map((s, j) =>
            j === i ? { ...s, level: Math.min(4, s.level + step) as SkillLevel } : s,
          );
          const before = scoreProfile(posting, withId(p)).score;
          const after = scoreProfile(posting, withId({ ...p, skills: raised })).score;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('stays within 0..100, and reasons add up to components and components to the score', () => {
    fc.assert(
      fc.property(postingArb, profileArb, (posting, p) => {
        const s = scoreProfile(posting, withId(p));
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        let total = 0;
        for (const c of SCORE_COMPONENTS) {
          const cents = Math.round(s.components[c] * 100);
          const fromReasons = s.reasons
            .filter((r) => r.component === c)
            .reduce((sum, r) => sum + Math.round(r.points * 100), 0);
          expect(fromReasons).toBe(cents);
          total += cents;
        }
        expect(total).toBe(Math.round(s.score * 100));
        for (const r of s.reasons) {
          expect(r.points).toBeLessThanOrEqual(r.maxPoints);
        }
      }),
    );
  });

  it('a perfect candidate scores 100', () => {
    fc.assert(
      fc.property(postingArb, (posting) => {
        const all = [...posting.requiredSkills, ...posting.optionalSkills];
        const p = withId({
          occupation: posting.occupation,
          skills: all.map((s) => ({
            skillKey: s.skillKey,
            level: 4 as const,
            verified: true,
            evidence: 'employer' as const,
          })),
          languages: [...posting.requiredLanguages, ...posting.optionalLanguages].map((l) => ({
            code: l.code,
            cefr: 'native' as const,
          })),
          credentials: [
            { id: 'c', title: 'All', issuedOn: '2025-01-01', skillKeys: all.map((s) => s.skillKey) },
          ],
          competitionResults: [
            {
              skillNumber: '10',
              skillName: 'Welding',
              points: 800,
              medal: 'GOLD',
              year: 2025,
              skillKeys: all.map((s) => s.skillKey),
            },
          ],
          education: [],
          experienceYears: 5,
          countries: ['any'],
          availableFrom: '2025-01-01',
          consent: { given: true, scope: 'match', givenOn: '2025-01-01' },
        });
        // Required languages at 'native' are ≥ 2 levels above any minimum except C2 (one level).
        const c2 = posting.requiredLanguages.some((l) => l.minCefr === 'C2' || l.minCefr === 'native');
        fc.pre(!c2);
        expect(scoreProfile(posting, p).score).toBe(100);
      }),
    );
  });
});
