/**
 * Open Badges 3.0 `OpenBadgeCredential` documents (W3C Verifiable Credentials 2.0) and their
 * VC-JWT claims, built from plain values. Pure: hashing, signing and the clock are the caller's.
 *
 * Spec: https://www.imsglobal.org/spec/ob/v3p0/ (AchievementCredential, §8.2 JSON Web Token
 * proof format) and 1EdTech Revocation List (`credentialStatus` type `1EdTechRevocationList`).
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB3_CONTEXTS = [VC_V2_CONTEXT, OB3_CONTEXT] as const;
export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

export interface Ob3IdentityObject {
  type: 'IdentityObject';
  identityType: 'emailAddress' | 'name';
  hashed: boolean;
  /** `sha256$<hex>` of the salted value when hashed, the plain value otherwise. */
  identityHash: string;
  salt?: string;
}

export interface Ob3Achievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  achievementType: 'Certificate';
  creditsAvailable?: number;
  fieldOfStudy?: string;
}

export interface Ob3Profile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: Ob3Profile;
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    id?: string;
    identifier: Ob3IdentityObject[];
    achievement: Ob3Achievement;
    activityStartDate?: string;
    activityEndDate?: string;
    creditsEarned?: number;
  };
  credentialStatus?: { id: string; type: typeof REVOCATION_LIST_TYPE };
}

export interface CredentialInput {
  /** Globally unique credential id, e.g. `urn:uuid:…`. */
  id: string;
  /** Display name of the credential ("Certificate of completion: CNC Machining"). */
  name: string;
  issuer: { id: string; name: string; url?: string };
  /** ISO instant of issue (validFrom and awardedDate). */
  issuedAt: string;
  /** ISO instant after which the credential is no longer valid, or null. */
  validUntil: string | null;
  recipient: {
    /** Full name as shown on the certificate (native and Latin, e.g. "张伟 (Zhang Wei)"). */
    name: string;
    /** `sha256$<hex>` of e-mail + salt, computed by the caller; omitted when there is no e-mail. */
    emailHash?: { identityHash: string; salt: string } | null;
  };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteriaNarrative: string;
    /** Hours of training (creditsAvailable is in the issuer's own unit; we say hours in the narrative). */
    hours?: number | null;
  };
  /** First and last day of the activity, YYYY-MM-DD. */
  activity?: { startDate: string | null; endDate: string | null };
  /** URL of the issuer's 1EdTech revocation list, or null for no credentialStatus. */
  revocationListUrl: string | null;
}

/** A calendar date as a DateTime at midnight UTC (OB3 activity dates are DateTimes). */
function dateTime(date: string): string {
  return date.length === 10 ? `${date}T00:00:00Z` : date;
}

/** ISO instant without milliseconds ("2026-03-15T04:00:00Z"), as JWT times are whole seconds. */
export function wholeSeconds(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

export function buildOpenBadgeCredential(input: CredentialInput): OpenBadgeCredential {
  const identifier: Ob3IdentityObject[] = [];
  if (input.recipient.emailHash) {
    identifier.push({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: input.recipient.emailHash.identityHash,
      salt: input.recipient.emailHash.salt,
    });
  }
  identifier.push({
    type: 'IdentityObject',
    identityType: 'name',
    hashed: false,
    identityHash: input.recipient.name,
  });
  const achievement: Ob3Achievement = {
    id: input.achievement.id,
    type: ['Achievement'],
    name: input.achievement.name,
    description: input.achievement.description,
    criteria: { narrative: input.achievement.criteriaNarrative },
    achievementType: 'Certificate',
  };
  if (input.achievement.hours != null && input.achievement.hours > 0) {
    achievement.creditsAvailable = input.achievement.hours;
  }
  const issuer: Ob3Profile = { id: input.issuer.id, type: ['Profile'], name: input.issuer.name };
  if (input.issuer.url) {
    issuer.url = input.issuer.url;
  }
  const validFrom = wholeSeconds(input.issuedAt);
  const credential: OpenBadgeCredential = {
    '@context': [...OB3_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.name,
    issuer,
    validFrom,
    awardedDate: validFrom,
    credentialSubject: { type: ['AchievementSubject'], identifier, achievement },
  };
  if (input.validUntil) {
    credential.validUntil = wholeSeconds(input.validUntil);
  }
  if (input.activity?.startDate) {
    credential.credentialSubject.activityStartDate = dateTime(input.activity.startDate);
  }
  if (input.activity?.endDate) {
    credential.credentialSubject.activityEndDate = dateTime(input.activity.endDate);
  }
  if (input.achievement.hours != null && input.achievement.hours > 0) {
    credential.credentialSubject.creditsEarned = input.achievement.hours;
  }
  if (input.revocationListUrl) {
    credential.credentialStatus = { id: input.revocationListUrl, type: REVOCATION_LIST_TYPE };
  }
  return credential;
}

export interface VcJwtClaims {
  iss: string;
  jti: string;
  nbf: number;
  exp?: number;
  sub?: string;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The registered JWT claims OB3 §8.2.4 derives from the credential: `iss` = issuer.id, `jti` = id,
 * `nbf` = validFrom, `exp` = validUntil (when present), `sub` = credentialSubject.id (when present).
 * The JWT payload is the credential itself with these claims added (VC Data Model 2.0, no `vc`
 * wrapper).
 */
export function vcJwtClaims(credential: OpenBadgeCredential): VcJwtClaims {
  const claims: VcJwtClaims = {
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
  };
  if (credential.validUntil) {
    claims.exp = seconds(credential.validUntil);
  }
  if (credential.credentialSubject.id) {
    claims.sub = credential.credentialSubject.id;
  }
  return claims;
}

export function vcJwtPayload(credential: OpenBadgeCredential): OpenBadgeCredential & VcJwtClaims {
  return { ...credential, ...vcJwtClaims(credential) };
}

export type CertificateStatus = 'valid' | 'revoked' | 'expired';

/** The status of an issued certificate at an instant: revoked wins over expired. */
export function certificateStatus(
  cert: { revokedAt: string | null; validUntil: string | null },
  nowIso: string,
): CertificateStatus {
  if (cert.revokedAt) {
    return 'revoked';
  }
  if (cert.validUntil && Date.parse(nowIso) > Date.parse(cert.validUntil)) {
    return 'expired';
  }
  return 'valid';
}
