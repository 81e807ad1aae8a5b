import { createHmac } from 'node:crypto';
import { assertFileKey, type FileStore, newFileKey, sha256Hex } from './file-store.js';

/**
 * An S3-compatible bucket as the file store (AWS S3, MinIO, Ceph RGW, Garage, cloud vendors' object
 * storage), so several server processes on different machines share the uploaded files. Four plain
 * requests (PUT, GET, DELETE object; HEAD bucket to check the settings) signed with AWS Signature
 * Version 4 through node:crypto and fetch: no SDK and its dependency tree for what the store needs.
 *
 * An upload is one PUT whose body hash is signed (`x-amz-content-sha256`), so the service rejects a
 * body that arrives truncated or altered, and S3 never shows a partially written object: a failed
 * `put` leaves nothing under the key.
 */
export interface S3Settings {
  /** https://s3.eu-west-1.amazonaws.com, http://minio.lan:9000, … */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** http://endpoint/bucket/key instead of http://bucket.endpoint/key (MinIO and most self-hosted). */
  forcePathStyle: boolean;
}

export interface S3StoreOptions {
  /** Per request; a stalled connection must not hold an upload forever. */
  timeoutMs?: number;
  now?: () => Date;
}

const EMPTY_SHA256 = sha256Hex('');

export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** 'ENOENT' for a missing object, as the local store's fs error has, else the S3 error code. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

/** The endpoint for AWS when none is given. */
export function defaultS3Endpoint(region: string): string {
  return `https://s3.${region}.amazonaws.com`;
}

/** URL of an object (or of the bucket when `key` is empty) in path or virtual-hosted style. */
export function s3Url(s: S3Settings, key: string, query = ''): URL {
  const base = new URL(s.endpoint);
  const basePath = base.pathname.replace(/\/$/, '');
  const encodedKey = key.split('/').map(encodeRfc3986).join('/');
  if (s.forcePathStyle) {
    base.pathname = `${basePath}/${encodeRfc3986(s.bucket)}${key ? `/${encodedKey}` : ''}`;
  } else {
    base.hostname = `${s.bucket}.${base.hostname}`;
    base.pathname = `${basePath}/${encodedKey}`;
  }
  base.search = query;
  return base;
}

function encodeRfc3986(v: string): string {
  return encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/**
 * Signs a request with AWS Signature Version 4 (header form) and returns the headers to send:
 * x-amz-date, x-amz-content-sha256 and Authorization, plus `extra` (which are signed too).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
export function signS3Request(
  s: S3Settings,
  req: { method: string; url: URL; payloadSha256: string; extra?: Record<string, string> },
  now: Date,
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    host: req.url.host,
    'x-amz-content-sha256': req.payloadSha256,
    'x-amz-date': amzDate,
  };
  for (const [k, v] of Object.entries(req.extra ?? {})) {
    headers[k.toLowerCase()] = v.trim();
  }
  const names = Object.keys(headers).sort();
  const query = [...req.url.searchParams.entries()]
    .map(([k, v]): [string, string] => [encodeRfc3986(k), encodeRfc3986(v)])
    // By encoded name, then value (comparing "k=v" strings would put `a2` before `a`).
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    req.method,
    // S3 signs the path with each segment encoded once, the RFC 3986 way (`$` as %24), whatever
    // escaping the URL object chose.
    (req.url.pathname || '/')
      .split('/')
      .map((seg) => encodeRfc3986(decodeURIComponent(seg)))
      .join('/'),
    query,
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    req.payloadSha256,
  ].join('\n');
  const scope = `${day}/${s.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${s.secretAccessKey}`, day), s.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
  const { host: _host, ...sent } = headers; // fetch sets Host itself, from the same URL
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

export function createS3FileStore(
  s: S3Settings,
  opts: S3StoreOptions = {},
): FileStore & {
  /** HEAD bucket: resolves when the bucket exists and the credentials may use it. */
  check(): Promise<void>;
} {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const now = opts.now ?? (() => new Date());

  const send = async (method: string, key: string, body?: Buffer) => {
    const url = s3Url(s, key);
    const payloadSha256 = body ? sha256Hex(body) : EMPTY_SHA256;
    // fetch sets Content-Length from the body; the signed body hash already pins the content.
    const extra: Record<string, string> = body ? { 'content-type': 'application/octet-stream' } : {};
    const headers = signS3Request(s, { method, url, payloadSha256, extra }, now());
    const res = await fetch(url, {
      method,
      headers,
      body: body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.ok) {
      return res;
    }
    const text = method === 'HEAD' ? '' : await res.text().catch(() => '');
    // A HEAD answer has no body to name the error; its status does.
    const headCode =
      method !== 'HEAD' ? '' : res.status === 404 ? 'NoSuchBucket' : res.status === 403 ? 'AccessDenied' : '';
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] || headCode || `HTTP_${res.status}`;
    const missing = res.status === 404 && code === 'NoSuchKey';
    throw new S3Error(
      `S3 ${method} ${key ? `${s.bucket}/${key}` : s.bucket} failed: ${res.status} ${code}`,
      res.status,
      missing ? 'ENOENT' : code,
    );
  };

  return {
    root: `s3://${s.bucket}`,
    async put(bytes) {
      const key = newFileKey();
      await send('PUT', key, bytes);
      return { key, sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
    },
    async get(key) {
      const res = await send('GET', assertFileKey(key));
      return Buffer.from(await res.arrayBuffer());
    },
    async remove(key) {
      // S3 answers 204 to a DELETE of a missing key, like the local store's rm --force.
      await send('DELETE', assertFileKey(key));
    },
    async check() {
      await send('HEAD', '');
    },
  };
}
