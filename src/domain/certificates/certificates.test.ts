import { describe, expect, it } from 'vitest';
import { certificatePrefix, formatCertificateNumber, parseCertificateNumber } from './numbering.js';
import {
  buildOpenBadgeCredential,
  certificateStatus,
  OB3_CONTEXTS,
  vcJwtClaims,
  vcJwtPayload,
} from './ob3.js';

describe('certificate numbers', () => {
  it.each([
    ['PRTC', 2026, 123, 'PRTC-2026-000123'],
    ['CERT', 2027, 1, 'CERT-2027-000001'],
    ['AB', 2026, 1234567, 'AB-2026-1234567'],
  ])('%s %i %i → %s', (prefix, year, seq, expected) => {
    expect(formatCertificateNumber(prefix, year, seq)).toBe(expected);
    expect(parseCertificateNumber(expected)).toEqual({ prefix, year, sequence: seq });
  });

  it('rejects bad sequences and years', () => {
    expect(() => formatCertificateNumber('PRTC', 2026, 0)).toThrow(RangeError);
    expect(() => formatCertificateNumber('PRTC', 26, 1)).toThrow(RangeError);
    expect(parseCertificateNumber('prtc-2026-000001')).toBeNull();
    expect(parseCertificateNumber('PRTC-2026-12')).toBeNull();
  });

  it.each([
    ['PRTC', '', 'PRTC'],
    ['prtc', '', 'PRTC'],
    ['', 'Pearl River Technical College', 'PRTC'],
    ['', '珠江职业技术学院', 'CERT'],
    ['珠职', 'Zhujiang Vocational', 'ZV'],
    ['P', '', 'CERT'],
  ])('prefix from short name %j and name %j is %s', (shortName, name, expected) => {
    expect(certificatePrefix(shortName, name)).toBe(expected);
  });
});

const input = {
  id: 'urn:uuid:0190f3b2-0000-7000-8000-000000000001',
  name: 'Certificate of completion: CNC Machining',
  issuer: { id: 'https://tvet.example/api/v1/public/organizations/org-1/profile', name: 'Pearl River TC' },
  issuedAt: '2026-03-15T04:00:00.123Z',
  validUntil: null,
  recipient: {
    name: '张伟 (Zhang Wei)',
    emailHash: { identityHash: `sha256$${'a'.repeat(64)}`, salt: 'pepper' },
  },
  achievement: {
    id: 'https://tvet.example/api/v1/public/achievements/p-1',
    name: 'CNC Machining',
    description: 'Two-week course',
    criteriaNarrative: 'Attend at least 80 % of sessions',
    hours: 40,
  },
  activity: { startDate: '2026-03-01', endDate: '2026-03-12' },
  revocationListUrl: 'https://tvet.example/api/v1/public/organizations/org-1/revocations.json',
};

describe('OpenBadgeCredential', () => {
  it('has the OB 3.0 shape', () => {
    const c = buildOpenBadgeCredential(input);
    expect(c['@context']).toEqual([...OB3_CONTEXTS]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toEqual({ id: input.issuer.id, type: ['Profile'], name: 'Pearl River TC' });
    expect(c.validFrom).toBe('2026-03-15T04:00:00Z');
    expect(c.validUntil).toBeUndefined();
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.identifier[0]).toMatchObject({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      salt: 'pepper',
    });
    expect(c.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Certificate',
      criteria: { narrative: 'Attend at least 80 % of sessions' },
      creditsAvailable: 40,
    });
    expect(c.credentialSubject.activityStartDate).toBe('2026-03-01T00:00:00Z');
    expect(c.credentialStatus).toEqual({ id: input.revocationListUrl, type: '1EdTechRevocationList' });
  });

  it('derives the VC-JWT claims from the credential', () => {
    const c = buildOpenBadgeCredential({ ...input, validUntil: '2029-03-15T04:00:00Z' });
    expect(vcJwtClaims(c)).toEqual({
      iss: input.issuer.id,
      jti: input.id,
      nbf: Date.parse('2026-03-15T04:00:00Z') / 1000,
      exp: Date.parse('2029-03-15T04:00:00Z') / 1000,
    });
    expect(vcJwtPayload(c)).toMatchObject({ id: input.id, iss: input.issuer.id });
  });

  it.each([
    [{ revokedAt: null, validUntil: null }, 'valid'],
    [{ revokedAt: null, validUntil: '2026-03-15T03:59:59Z' }, 'expired'],
    [{ revokedAt: null, validUntil: '2026-03-15T04:00:00Z' }, 'valid'],
    [{ revokedAt: '2026-03-01T00:00:00Z', validUntil: '2020-01-01T00:00:00Z' }, 'revoked'],
  ] as const)('status of %j is %s', (cert, expected) => {
    expect(certificateStatus(cert, '2026-03-15T04:00:00Z')).toBe(expected);
  });
});
