import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CompactSign, calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import type { AppConfig } from '../../platform/config.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import type { IssuerKeyRow } from './certificates.tables.js';

/**
 * Per-organization signing keys for VC-JWT certificates: RSA 3072 (RS256). The private key is
 * stored encrypted with AES-256-GCM under a master key derived (HKDF-SHA256) from
 * CREDENTIAL_KEY_SECRET, or from a random key file in DATA_DIR/keys when the secret is unset.
 * The additional authenticated data binds each ciphertext to its key id and organization.
 */

const ALG = 'RS256' as const;
const generateKeyPairAsync = promisify(generateKeyPair);

let masterCache: { source: string; key: Buffer } | null = null;

/** The 32-byte key-encryption key. @param warn called once when a key file is created */
export function masterKey(config: AppConfig, warn: (msg: string) => void = console.warn): Buffer {
  const source = path.join(config.dataDir, 'keys', 'credential-master.key');
  const cacheKey = config.credentialKeySecret ? `secret:${config.credentialKeySecret}` : `file:${source}`;
  if (masterCache && masterCache.source === cacheKey) {
    return masterCache.key;
  }
  let ikm: Buffer;
  if (config.credentialKeySecret) {
    ikm = Buffer.from(config.credentialKeySecret, 'utf8');
  } else {
    fs.mkdirSync(path.dirname(source), { recursive: true, mode: 0o700 });
    try {
      ikm = fs.readFileSync(source);
    } catch {
      const fresh = randomBytes(32);
      try {
        fs.writeFileSync(source, fresh, { mode: 0o600, flag: 'wx' });
        warn(
          `CREDENTIAL_KEY_SECRET is not set: created a random master key in ${source} (mode 0600). ` +
            'Back it up with the database; without it the certificate signing keys cannot be used.',
        );
      } catch {
        // Another process created it first: use theirs.
      }
      ikm = fs.readFileSync(source);
    }
  }
  const key = Buffer.from(hkdfSync('sha256', ikm, 'tvet-bridge', 'credential-signing-keys/v1', 32));
  masterCache = { source: cacheKey, key };
  return key;
}

function aad(keyId: string, organizationId: string): Buffer {
  return Buffer.from(`${keyId}|${organizationId}`, 'utf8');
}

export function encryptPrivateKey(
  master: Buffer,
  keyId: string,
  organizationId: string,
  pem: string,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(aad(keyId, organizationId));
  const body = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function decryptPrivateKey(
  master: Buffer,
  keyId: string,
  organizationId: string,
  enc: string,
): string {
  const raw = Buffer.from(enc, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', master, raw.subarray(0, 12));
  decipher.setAAD(aad(keyId, organizationId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Public URLs of an organization's issuer documents on this server. */
export function issuerUrls(publicUrl: string, organizationId: string) {
  const base = `${publicUrl}/api/v1/public/organizations/${organizationId}`;
  return {
    profile: `${base}/profile`,
    jwks: `${base}/jwks.json`,
    key: (keyId: string) => `${base}/keys/${keyId}`,
    revocations: `${base}/revocations`,
  };
}

export interface PublicJwk extends JWK {
  kid: string;
  alg: string;
  use: 'sig';
}

/** A published key: the JWK with `kid` = the URL it is served at (OB3: kid dereferences to a JWK). */
export function publishedJwk(publicUrl: string, row: IssuerKeyRow): PublicJwk {
  const jwk = JSON.parse(row.publicJwkJson) as JWK;
  return {
    ...jwk,
    kid: issuerUrls(publicUrl, row.organizationId).key(row.id),
    alg: row.algorithm,
    use: 'sig',
  };
}

const privateKeys = new Map<string, KeyObject>();

/** The decrypted private key of a key row (cached in memory for the process lifetime). */
function privateKeyOf(config: AppConfig, row: IssuerKeyRow): KeyObject {
  let key = privateKeys.get(row.id);
  if (!key) {
    key = createPrivateKey(
      decryptPrivateKey(masterKey(config), row.id, row.organizationId, row.privateKeyEnc),
    );
    privateKeys.set(row.id, key);
  }
  return key;
}

async function newKeyRow(deps: Deps, organizationId: string) {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 3072 });
  const jwk = await exportJWK(publicKey);
  // The id is the RFC 7638 thumbprint: stable, and says nothing about the organization.
  const id = await calculateJwkThumbprint(jwk, 'sha256');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return {
    id,
    organizationId,
    algorithm: ALG,
    publicJwkJson: JSON.stringify({ kty: jwk.kty, n: jwk.n, e: jwk.e }),
    privateKeyEnc: encryptPrivateKey(masterKey(deps.config), id, organizationId, pem),
    status: 'active' as const,
    createdAt: deps.clock.now().toISOString(),
    retiredAt: null,
  };
}

export function activeKey(db: Executor, organizationId: string) {
  return db
    .selectFrom('issuerKeys')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function keysOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('issuerKeys')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('status')
    .orderBy('createdAt', 'desc')
    .execute();
}

/** The organization's active key, created on first use (a unique index keeps it to one). */
export async function ensureActiveKey(deps: Deps, organizationId: string): Promise<IssuerKeyRow> {
  const existing = await activeKey(deps.db, organizationId);
  if (existing) {
    return existing;
  }
  const row = await newKeyRow(deps, organizationId);
  try {
    await deps.db.insertInto('issuerKeys').values(row).execute();
    return row;
  } catch (err) {
    // Lost a race with another request: use the key that won.
    const winner = await activeKey(deps.db, organizationId);
    if (winner) {
      return winner;
    }
    throw err;
  }
}

/** Retires the active key and makes a new one; the old key stays published for verification. */
export async function rotateKey(deps: Deps, trx: Executor, organizationId: string) {
  const row = await newKeyRow(deps, organizationId);
  const retired = await trx
    .updateTable('issuerKeys')
    .set({ status: 'retired', retiredAt: row.createdAt })
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  await trx.insertInto('issuerKeys').values(row).execute();
  return { newKeyId: row.id, retiredKeyIds: retired.map((r) => r.id) };
}

/**
 * Signs a VC-JWT (OB 3.0 §8.2): JOSE header {alg: RS256, typ: JWT, kid}, payload = the credential
 * with its registered claims, compact serialization.
 */
export async function signVcJwt(deps: Deps, key: IssuerKeyRow, payload: object): Promise<string> {
  const kid = issuerUrls(deps.config.publicUrl, key.organizationId).key(key.id);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: key.algorithm, typ: 'JWT', kid })
    .sign(privateKeyOf(deps.config, key));
}

/** For tests: checks that a stored key decrypts and matches its public half. */
export function keyPairMatches(config: AppConfig, row: IssuerKeyRow): boolean {
  const pub = createPublicKey(privateKeyOf(config, row)).export({ format: 'jwk' });
  return pub.n === (JSON.parse(row.publicJwkJson) as JWK).n;
}
