import type { Locale } from '../../../contracts/common.js';
import type {
  TAnonymisedProfile,
  TConsentRecord,
  TTalentProfile,
  TTalentProfileSummary,
  TVerifiedCredentials,
} from '../../../contracts/talent.js';
import type { Cefr, Medal, SkillLevel, TalentProfile } from '../../../domain/talent/types.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type { ProfileWithConsent } from './talent.repository.js';
import type { TalentConsentRow, TalentLanguageRow, TalentSkillRow } from './talent.tables.js';

export interface Children {
  skills: TalentSkillRow[];
  languages: TalentLanguageRow[];
}

export function consentStateOf(row: ProfileWithConsent): TTalentProfileSummary['consentState'] {
  if (row.currentConsentId === null || row.consentScope === null) {
    return 'none';
  }
  return row.consentWithdrawnAt === null ? 'given' : 'withdrawn';
}

export function presentConsent(c: TalentConsentRow): TConsentRecord {
  return {
    id: c.id,
    purpose: c.purpose,
    scope: c.scope,
    noticeVersion: c.noticeVersion,
    locale: c.locale,
    givenAt: c.givenAt,
    givenVia: c.givenVia,
    givenNote: c.givenNote,
    withdrawnAt: c.withdrawnAt,
    withdrawnVia: c.withdrawnVia,
    withdrawnNote: c.withdrawnNote,
  };
}

const skillsOf = (c: Children) =>
  c.skills.map((s) => ({
    skillKey: s.skillKey,
    level: s.level,
    evidence: s.evidence,
    verified: toBool(s.verified),
  }));
const languagesOf = (c: Children) => c.languages.map((l) => ({ code: l.code, cefr: l.cefr }));

export function presentSummary(row: ProfileWithConsent, children: Children): TTalentProfileSummary {
  const state = consentStateOf(row);
  return {
    id: row.id,
    nameLatin: row.nameLatin,
    nameNative: row.nameNative,
    email: row.email,
    iscoCode: row.iscoCode,
    countries: parseJson<string[]>(row.countriesJson, []),
    languages: children.languages.map((l) => l.code),
    skillCount: children.skills.length,
    availableFrom: row.availableFrom,
    consentState: state,
    consentScope: state === 'given' ? row.consentScope : null,
    updatedAt: row.updatedAt,
  };
}

export function presentProfile(
  row: ProfileWithConsent,
  children: Children,
  consents: TalentConsentRow[],
  credentials: TVerifiedCredentials,
  abilities: TTalentProfile['abilities'],
): TTalentProfile {
  const history = consents.map(presentConsent);
  const current = history.find((c) => c.id === row.currentConsentId) ?? null;
  return {
    id: row.id,
    participantId: row.participantId,
    competitorId: row.competitorId,
    userId: row.userId,
    nameLatin: row.nameLatin,
    nameNative: row.nameNative,
    email: row.email,
    locale: row.locale as Locale,
    iscoCode: row.iscoCode,
    escoUri: row.escoUri,
    education: parseJson<TTalentProfile['education']>(row.educationJson, []),
    experienceYears: row.experienceYears,
    countries: parseJson<string[]>(row.countriesJson, []),
    availableFrom: row.availableFrom,
    headline: parseJson<Record<string, string>>(row.headlineJson, {}),
    summary: parseJson<Record<string, string>>(row.summaryJson, {}),
    status: row.status,
    skills: skillsOf(children),
    languages: languagesOf(children),
    consentState: consentStateOf(row),
    consent: current,
    consentHistory: history,
    credentials,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities,
  };
}

/**
 * The one shape every enterprise-facing read returns. Built field by field from what the matcher
 * compares: never the name, e-mail, links to the person's records, free text (headline, summary,
 * field of study, institution) or certificate numbers. Throws if the current consent does not stand,
 * so a caller that forgot the consent filter fails loudly instead of leaking.
 */
export function presentAnonymised(
  row: ProfileWithConsent,
  children: Children,
  credentials: TVerifiedCredentials,
): TAnonymisedProfile {
  if (consentStateOf(row) !== 'given' || row.consentScope === null || row.status !== 'active') {
    throw new Error(`Profile ${row.id} has no standing consent; it must not reach an enterprise`);
  }
  const education = parseJson<TTalentProfile['education']>(row.educationJson, []);
  return {
    id: row.id,
    iscoCode: row.iscoCode,
    escoUri: row.escoUri,
    skills: children.skills.map((s) => ({
      skillKey: s.skillKey,
      level: s.level,
      verified: toBool(s.verified),
    })),
    languages: languagesOf(children),
    countries: parseJson<string[]>(row.countriesJson, []),
    availableFrom: row.availableFrom,
    experienceYears: row.experienceYears,
    educationLevels: [...new Set(education.map((e) => e.iscedLevel))].sort(),
    credentials: credentials.certificates.map((c) => ({
      title: c.title,
      issuedYear: Number(c.issuedOn.slice(0, 4)),
    })),
    medals: credentials.achievements.map((a) => ({
      skillNames: a.skillNames,
      year: a.year,
      medal: a.medal,
      points: a.points,
    })),
    consentScope: row.consentScope,
  };
}

/**
 * What the audit log keeps of a profile: no name, e-mail or free text, so deleting the profile
 * leaves no personal data behind in the log.
 */
export function auditSnapshot(p: TTalentProfile) {
  return {
    iscoCode: p.iscoCode,
    escoUri: p.escoUri,
    countries: p.countries,
    availableFrom: p.availableFrom,
    experienceYears: p.experienceYears,
    skills: p.skills.map((s) => `${s.skillKey}:${s.level}`),
    languages: p.languages.map((l) => `${l.code}:${l.cefr}`),
    status: p.status,
    accountLinked: p.userId !== null,
  };
}

const DOMAIN_MEDAL: Record<TVerifiedCredentials['achievements'][number]['medal'], Medal | null> = {
  gold: 'GOLD',
  silver: 'SILVER',
  bronze: 'BRONZE',
  medallion: 'MEDALLION_FOR_EXCELLENCE',
  none: null,
};

/** The profile as the matcher (src/domain/talent) sees it. */
export function toDomainProfile(p: TTalentProfile): TalentProfile {
  return {
    id: p.id,
    occupation: { isco: p.iscoCode, escoUri: p.escoUri },
    skills: p.skills.map((s) => ({
      skillKey: s.skillKey,
      level: s.level as SkillLevel,
      verified: s.verified,
      evidence: s.evidence,
    })),
    languages: p.languages.map((l) => ({ code: l.code, cefr: l.cefr as Cefr })),
    credentials: p.credentials.certificates.map((c) => ({
      id: c.id,
      title: c.title.en ?? Object.values(c.title)[0] ?? '',
      issuedOn: c.issuedOn,
      skillKeys: [],
    })),
    competitionResults: p.credentials.achievements.map((a) => ({
      skillNumber: a.skillNumber,
      skillName: a.skillNames.en ?? Object.values(a.skillNames)[0] ?? '',
      points: a.points,
      medal: DOMAIN_MEDAL[a.medal],
      year: a.year,
      skillKeys: [],
    })),
    education: p.education.map((e) => ({
      iscedLevel: e.iscedLevel,
      field: e.field,
      institution: e.institution,
      completedYear: e.completedYear,
    })),
    experienceYears: p.experienceYears,
    countries: p.countries,
    availableFrom: p.availableFrom,
    consent: {
      given: p.consentState === 'given',
      scope: p.consent?.scope ?? 'match',
      givenOn: p.consent ? p.consent.givenAt.slice(0, 10) : null,
      withdrawnOn: p.consent?.withdrawnAt ? p.consent.withdrawnAt.slice(0, 10) : null,
    },
  };
}
