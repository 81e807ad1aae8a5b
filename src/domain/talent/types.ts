/**
 * Talent pool and overseas demand (issue 6): the shapes the matcher works on.
 *
 * Occupations are ISCO-08 unit groups (4 digits), optionally refined by an ESCO occupation URI
 * (each ESCO occupation maps to exactly one ISCO-08 unit group: cooperation-and-evaluation.md §6).
 * Skills are keyed by an ESCO skill URI (`http://data.europa.eu/esco/skill/<uuid>`) or by the
 * college's own code (`college:<code>`); see taxonomy/README.md. Dates are calendar dates
 * ('YYYY-MM-DD'), passed in: nothing here reads the clock.
 */
import type { Medal } from '../competitions/skill.js';
import type { CalendarDate } from '../dates/calendar-date.js';

export type { Medal };

/**
 * Proficiency in one skill, 1..4. The wording follows the EQF descriptors of responsibility and
 * autonomy (Council Recommendation 2017/C 189/03, Annex II), condensed to four steps a trainer can
 * assess; it is the platform's own scale, not an ESCO one (ESCO has no proficiency levels):
 *
 * 1. basic: knows the fundamentals; carries out simple tasks under direct supervision.
 * 2. intermediate: carries out routine tasks on their own, in a known context.
 * 3. advanced: handles non-routine tasks and unforeseen problems; can guide others.
 * 4. expert: masters the field; solves complex problems, sets methods and trains others.
 */
export type SkillLevel = 1 | 2 | 3 | 4;

/** How a skill was shown. `self` = declared by the candidate, never counted as verified evidence. */
export type SkillEvidence = 'certificate' | 'competition' | 'self' | 'employer';

/** CEFR levels (Council of Europe), plus 'native' above C2. */
export type Cefr = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native';

/** An ESCO skill URI or `college:<code>`. */
export type SkillKey = string;

export interface Occupation {
  /** ISCO-08 unit group, 4 digits ('7212'). */
  isco: string;
  /** ESCO occupation URI, when known. */
  escoUri?: string | null;
}

export interface ProfileSkill {
  skillKey: SkillKey;
  level: SkillLevel;
  /** Checked by the college (or issued on the platform); `self` evidence is never verified. */
  verified: boolean;
  evidence: SkillEvidence;
}

export interface ProfileLanguage {
  /** ISO 639-1, lower case ('en', 'zh', 'ar'). */
  code: string;
  cefr: Cefr;
}

/** A certificate issued on the platform: verified by construction. */
export interface ProfileCredential {
  id: string;
  title: string;
  issuedOn: CalendarDate;
  /** Skills the certificate attests (from the programme's learning outcomes). */
  skillKeys: SkillKey[];
}

export interface CompetitionResult {
  /** WorldSkills skill number as written by the competition ('10'), or the organiser's code. */
  skillNumber: string;
  skillName: string;
  /** WorldSkills Scale points (median competitor = 700); null when not published. */
  points: number | null;
  medal: Medal | null;
  year: number;
  /**
   * Skills the competition skill demonstrates (the server maps the competition skill to taxonomy
   * skills). A result counts for a posting only when one of these is among the posting's skills.
   */
  skillKeys: SkillKey[];
}

export interface Education {
  /** ISCED 2011 level, 0..8 (3 = upper secondary / initial TVET, 5 = short-cycle tertiary). */
  iscedLevel: number;
  /** Field of study, free text in the college's language. */
  field: string;
  institution?: string;
  completedYear?: number | null;
}

export type ConsentScope = 'match' | 'match_and_introduce';

export interface Consent {
  given: boolean;
  /** `match`: may be matched and shown anonymised; `match_and_introduce`: may also be introduced. */
  scope: ConsentScope;
  givenOn: CalendarDate | null;
  /** Set when withdrawn; a withdrawn profile is excluded at once, whatever the date. */
  withdrawnOn?: CalendarDate | null;
}

export interface TalentProfile {
  id: string;
  occupation: Occupation;
  skills: ProfileSkill[];
  languages: ProfileLanguage[];
  credentials: ProfileCredential[];
  competitionResults: CompetitionResult[];
  education: Education[];
  experienceYears: number;
  /** ISO 3166-1 alpha-2 codes (upper case), or 'any'. */
  countries: string[];
  availableFrom: CalendarDate;
  consent: Consent;
}

export interface SkillRequirement {
  skillKey: SkillKey;
  minLevel: SkillLevel;
  /** Relative weight within its list (required or optional), > 0. */
  weight: number;
}

export interface LanguageRequirement {
  code: string;
  minCefr: Cefr;
}

export type ContractType = 'permanent' | 'fixed_term' | 'seasonal' | 'apprenticeship' | 'internship';

export interface ContractTerms {
  type: ContractType;
  /** Length for fixed-term, seasonal, apprenticeship or internship contracts. */
  durationMonths?: number | null;
  hoursPerWeek?: number | null;
  /** Gross pay range in the currency's units (ISO 4217), per period. */
  pay?: { min: number; max: number; currency: string; period: 'hour' | 'month' | 'year' } | null;
  accommodationProvided?: boolean;
  notes?: string;
}

export interface DemandPosting {
  id: string;
  /** The organization (enterprise role, or a partner college abroad) that posts the demand. */
  enterpriseId: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  site: string;
  occupation: Occupation;
  requiredSkills: SkillRequirement[];
  optionalSkills: SkillRequirement[];
  requiredLanguages: LanguageRequirement[];
  optionalLanguages: LanguageRequirement[];
  headcount: number;
  startDate: CalendarDate;
  contract: ContractTerms;
}
