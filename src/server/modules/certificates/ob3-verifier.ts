import { compactVerify, importJWK, type JWK } from 'jose';

/**
 * An Open Badges 3.0 VC-JWT verifier written from the specification alone
 * (https://www.imsglobal.org/spec/ob/v3p0/ §8.2 "JSON Web Token Proof Format", §9 "Verification and
 * Validation", and 1EdTech Revocation List 1.0). It shares no code with the issuer: it knows only
 * the compact JWT, and fetches keys and revocation lists through the injected `fetchJson`.
 *
 * Steps, in the order of the spec's verification procedure:
 *  1. JOSE header: `alg` is RS256 or stronger (never `none`/HMAC); `typ`, if present, is "JWT";
 *     `kid` dereferences to a public JWK (a JWK or a JWKS containing it). An embedded `jwk` is
 *     refused because nothing binds it to the issuer.
 *  2. The signature verifies with that key.
 *  3. The payload is an OpenBadgeCredential: contexts, types, issuer, validFrom,
 *     credentialSubject (AchievementSubject, id or identifier, achievement with id, type, name,
 *     description, criteria).
 *  4. The JWT claims match the credential: iss = issuer.id, jti = id, nbf = validFrom,
 *     exp = validUntil, sub = credentialSubject.id.
 *  5. Validity period: now ≥ validFrom, now ≤ validUntil (else "expired").
 *  6. credentialStatus of type 1EdTechRevocationList: the credential id is not in the list's
 *     revokedCredentials (else "revoked").
 */

export type Ob3VerificationStatus = 'valid' | 'revoked' | 'expired' | 'invalid';

export interface Ob3VerificationResult {
  status: Ob3VerificationStatus;
  /** Codes of what failed (empty when valid). */
  errors: string[];
  /** The verified credential, when the signature checked out. */
  credential: Record<string, unknown> | null;
  revocationReason?: string | null;
}

export interface Ob3VerifierOptions {
  /** Fetches a JSON document (key, key set, revocation list); throws or returns null when absent. */
  fetchJson: (url: string) => Promise<unknown>;
  now: () => Date;
  /** Clock skew tolerated on nbf/exp, in seconds. */
  leewaySeconds?: number;
}

const ALLOWED_ALGS = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
]);
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB3_CONTEXT_RE = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.0\.\d+)?\.json$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const hasType = (v: unknown, t: string) => asArray(isObject(v) ? v.type : undefined).includes(t);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;

function decodeSegment(segment: string): Json | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The key `kid` names: the document itself when it is a JWK, or the entry of a JWKS with that kid. */
function pickKey(doc: unknown, kid: string): JWK | null {
  if (isObject(doc) && Array.isArray(doc.keys)) {
    const found = doc.keys.find((k) => isObject(k) && k.kid === kid);
    return (found as JWK | undefined) ?? null;
  }
  if (isObject(doc) && typeof doc.kty === 'string') {
    return doc as JWK;
  }
  return null;
}

/** Structural checks of §3 / §9 step 1 on the decoded credential. */
export function credentialProblems(vc: Json): string[] {
  const problems: string[] = [];
  const contexts = asArray(vc['@context']);
  if (contexts[0] !== VC2) {
    problems.push('context_vc2_missing');
  }
  if (!contexts.some((c) => typeof c === 'string' && OB3_CONTEXT_RE.test(c))) {
    problems.push('context_ob3_missing');
  }
  if (!nonEmpty(vc.id)) {
    problems.push('id_missing');
  }
  const types = asArray(vc.type);
  if (!types.includes('VerifiableCredential')) {
    problems.push('type_vc_missing');
  }
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) {
    problems.push('type_ob_missing');
  }
  const issuer = vc.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer.id : undefined;
  if (!nonEmpty(issuerId)) {
    problems.push('issuer_missing');
  } else if (isObject(issuer) && !hasType(issuer, 'Profile')) {
    problems.push('issuer_type');
  }
  if (!nonEmpty(vc.validFrom) || Number.isNaN(Date.parse(String(vc.validFrom)))) {
    problems.push('valid_from_missing');
  }
  if (vc.validUntil !== undefined && Number.isNaN(Date.parse(String(vc.validUntil)))) {
    problems.push('valid_until_invalid');
  }
  const subject = vc.credentialSubject;
  if (!isObject(subject)) {
    problems.push('subject_missing');
    return problems;
  }
  if (!hasType(subject, 'AchievementSubject')) {
    problems.push('subject_type');
  }
  if (!nonEmpty(subject.id) && asArray(subject.identifier).length === 0) {
    problems.push('subject_identity_missing');
  }
  for (const ident of asArray(subject.identifier)) {
    if (!isObject(ident) || !nonEmpty(ident.identityHash) || typeof ident.hashed !== 'boolean') {
      problems.push('subject_identifier_invalid');
    }
  }
  const a = subject.achievement;
  if (!isObject(a)) {
    problems.push('achievement_missing');
  } else {
    if (!nonEmpty(a.id)) {
      problems.push('achievement_id');
    }
    if (!hasType(a, 'Achievement')) {
      problems.push('achievement_type');
    }
    if (!nonEmpty(a.name)) {
      problems.push('achievement_name');
    }
    if (!nonEmpty(a.description)) {
      problems.push('achievement_description');
    }
    if (!isObject(a.criteria) || (!nonEmpty(a.criteria.id) && !nonEmpty(a.criteria.narrative))) {
      problems.push('achievement_criteria');
    }
  }
  return problems;
}

const toSeconds = (iso: unknown) => Math.floor(Date.parse(String(iso)) / 1000);

export async function verifyOb3Jwt(jwt: string, opts: Ob3VerifierOptions): Promise<Ob3VerificationResult> {
  const fail = (...errors: string[]): Ob3VerificationResult => ({
    status: 'invalid',
    errors,
    credential: null,
  });
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) {
    return fail('not_compact_jws');
  }
  const header = decodeSegment(parts[0] ?? '');
  if (!header) {
    return fail('header_invalid');
  }
  if (typeof header.alg !== 'string' || !ALLOWED_ALGS.has(header.alg)) {
    return fail('alg_not_allowed');
  }
  if (header.typ !== undefined && header.typ !== 'JWT') {
    return fail('typ_not_jwt');
  }
  if (header.jwk !== undefined) {
    return fail('embedded_jwk_not_trusted');
  }
  if (typeof header.kid !== 'string' || header.kid.length === 0) {
    return fail('kid_missing');
  }
  // Read the claimed issuer before the signature check only to refuse keys from another origin.
  const claimed = decodeSegment(parts[1] ?? '');
  if (!claimed) {
    return fail('payload_invalid');
  }
  let keyUrl: URL;
  let issUrl: URL;
  try {
    keyUrl = new URL(header.kid);
    issUrl = new URL(String(claimed.iss));
  } catch {
    return fail('kid_or_iss_not_url');
  }
  if (keyUrl.origin !== issUrl.origin) {
    return fail('kid_not_issuer_origin');
  }

  let jwk: JWK | null = null;
  try {
    jwk = pickKey(await opts.fetchJson(header.kid), header.kid);
  } catch {
    jwk = null;
  }
  if (!jwk || 'd' in jwk) {
    return fail('key_not_found');
  }
  let payloadBytes: Uint8Array;
  try {
    const key = await importJWK(jwk, header.alg);
    const verified = await compactVerify(jwt.trim(), key, { algorithms: [header.alg] });
    payloadBytes = verified.payload;
  } catch {
    return fail('signature_invalid');
  }
  let vc: Json;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payloadBytes));
    if (!isObject(parsed)) {
      return fail('payload_invalid');
    }
    vc = parsed;
  } catch {
    return fail('payload_invalid');
  }

  const errors = credentialProblems(vc);
  const issuerId = typeof vc.issuer === 'string' ? vc.issuer : isObject(vc.issuer) ? vc.issuer.id : undefined;
  if (vc.iss !== issuerId) {
    errors.push('iss_mismatch');
  }
  if (vc.jti !== vc.id) {
    errors.push('jti_mismatch');
  }
  if (typeof vc.nbf !== 'number' || vc.nbf !== toSeconds(vc.validFrom)) {
    errors.push('nbf_mismatch');
  }
  if (vc.validUntil !== undefined && vc.exp !== toSeconds(vc.validUntil)) {
    errors.push('exp_mismatch');
  }
  const subject = isObject(vc.credentialSubject) ? vc.credentialSubject : {};
  if (subject.id !== undefined && vc.sub !== subject.id) {
    errors.push('sub_mismatch');
  }
  if (errors.length > 0) {
    return { status: 'invalid', errors, credential: vc };
  }

  const leeway = opts.leewaySeconds ?? 60;
  const now = Math.floor(opts.now().getTime() / 1000);
  if (now + leeway < toSeconds(vc.validFrom)) {
    return { status: 'invalid', errors: ['not_yet_valid'], credential: vc };
  }

  for (const status of asArray(vc.credentialStatus)) {
    if (!isObject(status) || status.type !== '1EdTechRevocationList') {
      continue; // Unknown status methods are not checked (nor trusted to say "revoked").
    }
    let list: unknown;
    try {
      list = await opts.fetchJson(String(status.id));
    } catch {
      list = null;
    }
    if (!isObject(list) || !Array.isArray(list.revokedCredentials)) {
      return { status: 'invalid', errors: ['revocation_list_unavailable'], credential: vc };
    }
    const hit = list.revokedCredentials.find((r) => isObject(r) && r.id === vc.id) as Json | undefined;
    if (hit) {
      return {
        status: 'revoked',
        errors: ['revoked'],
        credential: vc,
        revocationReason: typeof hit.revocationReason === 'string' ? hit.revocationReason : null,
      };
    }
  }

  if (vc.validUntil !== undefined && now - leeway > toSeconds(vc.validUntil)) {
    return { status: 'expired', errors: ['expired'], credential: vc };
  }
  return { status: 'valid', errors: [], credential: vc };
}
