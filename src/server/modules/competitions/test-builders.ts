import type { TCompetitionInput, TSkillInput } from '../../../contracts/competitions.js';

// Valid request bodies for the competitions tests; override what a test is about.

let n = 0;

export function buildCompetition(overrides: Partial<TCompetitionInput> = {}): TCompetitionInput {
  n++;
  return {
    names: { en: `Greater Bay Area Skills Invitational ${n}`, 'zh-CN': `大湾区技能邀请赛 ${n}` },
    slug: `gba-invitational-${n}`,
    startsOn: '2026-05-12',
    endsOn: '2026-05-15',
    venue: 'Pearl River Technician College, Hall A',
    city: 'Guangzhou',
    country: 'CN',
    hostName: 'Guangzhou Pearl River Technician College',
    hostPartnerId: null,
    status: 'planning',
    registrationOpensOn: '2026-03-01',
    registrationClosesOn: '2026-04-15',
    description: '',
    ...overrides,
  };
}

export function buildSkill(overrides: Partial<TSkillInput> = {}): TSkillInput {
  return {
    number: '17',
    names: { en: 'Web Technologies', 'zh-CN': '网站技术' },
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
    ...overrides,
  };
}
