import { describe, expect, it } from 'vitest';
import {
  type AwardEntrant,
  type AwardSkill,
  albertVidal,
  bestOfNation,
  medalPoints,
  memberComparison,
} from './awards.js';
import type { Medal } from './skill.js';

const flags = { excludeFromMemberComparison: false, excludeFromAlbertVidal: false };

function row(
  skillId: string,
  entrantId: string,
  memberId: string | null,
  points: number | null,
  medal: Medal | null = null,
  calculated?: string,
): AwardEntrant {
  return {
    skillId,
    entrantId,
    memberId,
    points,
    calculated: calculated ?? (points === null ? null : `${points}.00`),
    medal,
  };
}

function skill(
  skillId: string,
  rows: AwardEntrant[],
  overrides: Partial<AwardSkill['flags']> = {},
): AwardSkill {
  return { skillId, flags: { ...flags, ...overrides }, rows };
}

describe('medalPoints (§2.3)', () => {
  it.each([
    [{ gold: 14, silver: 4, bronze: 4, medallions: 25 }, 101],
    [{ gold: 1, silver: 0, bronze: 0, medallions: 0 }, 4],
    [{ gold: 0, silver: 1, bronze: 1, medallions: 1 }, 6],
    [{ gold: 0, silver: 0, bronze: 0, medallions: 0 }, 0],
  ])('%o → %i', (counts, expected) => {
    expect(medalPoints(counts)).toBe(expected);
  });
});

describe('memberComparison (§2.3, §6.7)', () => {
  it('Russia at WSC2019: 14 G, 4 S, 4 B, 25 MfE = 101 medal points', () => {
    const medals: Medal[] = [
      ...Array<Medal>(14).fill('GOLD'),
      ...Array<Medal>(4).fill('SILVER'),
      ...Array<Medal>(4).fill('BRONZE'),
      ...Array<Medal>(25).fill('MEDALLION_FOR_EXCELLENCE'),
    ];
    const skills = medals.map((medal, i) => skill(`s${i}`, [row(`s${i}`, `ru${i}`, 'RU', 720, medal)]));
    // three skills without any medal
    skills.push(skill('s90', [row('s90', 'ru90', 'RU', 690)]), skill('s91', [row('s91', 'ru91', 'RU', 680)]));
    skills.push(skill('s92', [row('s92', 'ru92', 'RU', 650)]));
    const [russia] = memberComparison(skills);
    expect(russia).toMatchObject({
      memberId: 'RU',
      gold: 14,
      silver: 4,
      bronze: 4,
      medallions: 25,
      medalPoints: 101,
      skillsEntered: 50,
      entrants: 50,
    });
    expect(russia?.averageMedalPoints).toBe('2.02');
    expect(russia?.totalPoints).toBe(47 * 720 + 690 + 680 + 650);
  });

  it('teams count once, averages per skill entered and per entrant; excluded skills and unranked rows left out', () => {
    const rows = memberComparison([
      skill('team-skill', [
        row('team-skill', 'team-1', 'CN', 730, 'GOLD'),
        row('team-skill', 'team-2', 'FR', 700, 'MEDALLION_FOR_EXCELLENCE'),
      ]),
      skill('welding', [
        row('welding', 'w1', 'CN', 710, 'BRONZE'),
        row('welding', 'w2', 'CN', 705, 'MEDALLION_FOR_EXCELLENCE'),
        row('welding', 'w3', 'FR', null),
      ]),
      skill('demo', [row('demo', 'd1', 'CN', 760, 'GOLD')], { excludeFromMemberComparison: true }),
      skill('cooking', [row('cooking', 'c1', null, 740, 'GOLD')]),
    ]);
    expect(rows).toEqual([
      {
        memberId: 'CN',
        skillsEntered: 2,
        entrants: 3,
        gold: 1,
        silver: 0,
        bronze: 1,
        medallions: 1,
        medalPoints: 7,
        averageMedalPoints: '3.50',
        totalPoints: 2145,
        averagePoints: '715.00',
      },
      {
        memberId: 'FR',
        skillsEntered: 1,
        entrants: 1,
        gold: 0,
        silver: 0,
        bronze: 0,
        medallions: 1,
        medalPoints: 1,
        averageMedalPoints: '1.00',
        totalPoints: 700,
        averagePoints: '700.00',
      },
    ]);
  });
});

describe('bestOfNation (§2.3, §6.7)', () => {
  const skills = [
    skill('a', [row('a', 'a-cn', 'CN', 731, null, '730.51'), row('a', 'a-fr', 'FR', 700)]),
    skill('b', [row('b', 'b-cn', 'CN', 731, null, '730.60'), row('b', 'b-fr', 'FR', 712)]),
    skill('c', [row('c', 'c-fr', 'FR', 790)], { excludeFromMemberComparison: true }),
    skill('d', [row('d', 'd-de', 'DE', null)]),
  ];

  it('per Member the best entrant; equal points → all', () => {
    const result = bestOfNation(skills);
    expect(result.map((b) => [b.memberId, b.winners.map((w) => w.entrantId)])).toEqual([
      ['CN', ['a-cn', 'b-cn']],
      ['FR', ['b-fr']],
    ]);
  });

  it('the calculated-score basis breaks the points tie', () => {
    expect(bestOfNation(skills, 'calculated_score')[0]?.winners.map((w) => w.entrantId)).toEqual(['b-cn']);
  });
});

describe('albertVidal (§2.3, §6.7)', () => {
  it('the global maximum wins; ties → all; excluded skills left out; a team is one winner', () => {
    const winners = albertVidal([
      skill('mechatronics', [row('mechatronics', 'team-kr', 'KR', 760, 'GOLD', '759.70')]),
      skill('joinery', [
        row('joinery', 'j-ch', 'CH', 760, 'GOLD', '760.20'),
        row('joinery', 'j-fr', 'FR', 740),
      ]),
      skill('demo', [row('demo', 'x', 'CN', 800, 'GOLD')], { excludeFromAlbertVidal: true }),
    ]);
    expect(winners.map((w) => [w.skillId, w.entrantId, w.memberId, w.points])).toEqual([
      ['joinery', 'j-ch', 'CH', 760],
      ['mechatronics', 'team-kr', 'KR', 760],
    ]);
  });

  it('calculated-score basis (§8.1 note) picks the higher unrounded value', () => {
    const winners = albertVidal(
      [
        skill('mechatronics', [row('mechatronics', 'team-kr', 'KR', 760, 'GOLD', '759.70')]),
        skill('joinery', [row('joinery', 'j-ch', 'CH', 760, 'GOLD', '760.20')]),
      ],
      'calculated_score',
    );
    expect(winners.map((w) => w.entrantId)).toEqual(['j-ch']);
  });

  it('no ranked entrant, no winner', () => {
    expect(albertVidal([skill('a', [row('a', 'e', 'CN', null)])])).toEqual([]);
    expect(albertVidal([])).toEqual([]);
  });
});
