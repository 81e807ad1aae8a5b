import { describe, expect, it } from 'vitest';
import {
  compatriotShortages,
  type EntrantRef,
  type MarkerRef,
  mayMark,
  requiredMarkers,
} from './compatriot.js';
import { FORM_SCHEME } from './test-schemes.js';

describe('mayMark (§1.6, §6.4)', () => {
  it.each<[string, string | null, string | null, boolean, boolean]>([
    ['own Member', 'CN', 'CN', false, false],
    ['other Member', 'CN', 'FR', false, true],
    ['own Member, compatriot marking allowed', 'CN', 'CN', true, true],
    ['expert without Member', null, 'CN', false, true],
    ['entrant without Member', 'CN', null, false, true],
  ])('%s', (_name, expertMember, entrantMember, allow, expected) => {
    expect(
      mayMark({ expertId: 'x', memberId: expertMember }, { entrantId: 'e', memberId: entrantMember }, allow),
    ).toBe(expected);
  });
});

describe('requiredMarkers', () => {
  it.each<[string, number, number]>([
    ['A1', 3, 3],
    ['B1', 5, 5],
  ])('form %s with a judgement aspect needs numJudges (%i)', (form, judges, expected) => {
    expect(requiredMarkers(FORM_SCHEME, form, judges)).toBe(expected);
  });

  it('a measurement-only form needs one marker', () => {
    const scheme = { ...FORM_SCHEME, aspects: FORM_SCHEME.aspects.filter((a) => a.type === 'M') };
    expect(requiredMarkers(scheme, 'A1', 3)).toBe(1);
  });
});

describe('compatriotShortages (§6.4)', () => {
  const team: MarkerRef[] = [
    { expertId: 'cn-expert', memberId: 'CN' },
    { expertId: 'fr-expert', memberId: 'FR' },
    { expertId: 'de-expert', memberId: 'DE' },
    { expertId: 'scm', memberId: null },
  ];
  const entrants: EntrantRef[] = [
    { entrantId: 'cn-1', memberId: 'CN' },
    { entrantId: 'br-1', memberId: 'BR' },
    { entrantId: 'fr-1', memberId: 'FR' },
  ];

  it('a team of four covers everyone for three judges', () => {
    expect(compatriotShortages(team, entrants, 3, false)).toEqual([]);
  });

  it('a team of three lacks a non-compatriot judge for each of its own Members’ entrants', () => {
    expect(compatriotShortages(team.slice(0, 3), entrants, 3, false)).toEqual([
      { entrantId: 'cn-1', eligibleMarkers: ['fr-expert', 'de-expert'], required: 3, missing: 1 },
      { entrantId: 'fr-1', eligibleMarkers: ['cn-expert', 'de-expert'], required: 3, missing: 1 },
    ]);
  });

  it('allowing compatriot marking removes the shortage', () => {
    expect(compatriotShortages(team.slice(0, 3), entrants, 3, true)).toEqual([]);
  });

  it('an expert listed twice counts once', () => {
    const doubled = [team[0], team[0], team[1]].filter((m): m is MarkerRef => m !== undefined);
    expect(compatriotShortages(doubled, [{ entrantId: 'br-1', memberId: 'BR' }], 3, false)).toEqual([
      { entrantId: 'br-1', eligibleMarkers: ['cn-expert', 'fr-expert'], required: 3, missing: 1 },
    ]);
  });
});
