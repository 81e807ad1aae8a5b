/**
 * Certificate numbers: `<PREFIX>-<YEAR>-<SEQUENCE>`, e.g. PRTC-2026-000123. The sequence restarts
 * at 1 each calendar year of the issuing organization and is unique per organization and year.
 */

export const CERTIFICATE_NUMBER_RE = /^([A-Z][A-Z0-9]{1,9})-(\d{4})-(\d{6,})$/;

/** A prefix from the organization's short name (letters and digits, upper case), or `CERT`. */
export function certificatePrefix(shortName: string, name = ''): string {
  const fromShort = shortName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  if (/^[A-Z][A-Z0-9]{1,9}$/.test(fromShort.slice(0, 10)) && fromShort.length >= 2) {
    return fromShort.slice(0, 10);
  }
  // Initials of the Latin words of the full name ("Pearl River Technical College" → PRTC).
  const initials = name
    .normalize('NFKD')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return initials.length >= 2 ? initials.slice(0, 10) : 'CERT';
}

export function formatCertificateNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must have four digits, got ${year}`);
  }
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseCertificateNumber(
  value: string,
): { prefix: string; year: number; sequence: number } | null {
  const m = CERTIFICATE_NUMBER_RE.exec(value);
  if (!m) {
    return null;
  }
  return { prefix: m[1] as string, year: Number(m[2]), sequence: Number(m[3]) };
}
