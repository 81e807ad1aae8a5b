import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { S3Settings } from './s3-file-store.js';

// Tests only: a local S3-compatible server (the npm package s3rver, a dev dependency) on 127.0.0.1
// with one bucket, so the S3 store is exercised over real HTTP with S3's paths, XML errors and
// status codes. s3rver does not verify Signature V4 (it only parses the Authorization header), so
// the signing itself is pinned by AWS's published examples in s3-file-store.unit.test.ts.

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (opts: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: Array<{ name: string }>;
}) => S3rverInstance;

export interface LocalS3 {
  settings: S3Settings;
  /** The same settings as environment variables for a server process. */
  env: Record<string, string>;
  /** Where s3rver keeps the objects (to look behind the API in tests). */
  directory: string;
  close(): Promise<void>;
}

export async function startLocalS3(bucket = 'tvet-files'): Promise<LocalS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  // s3rver's built-in account; it accepts any signature made with it.
  const settings: S3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    settings,
    env: {
      FILE_STORE: 's3',
      S3_ENDPOINT: settings.endpoint,
      S3_REGION: settings.region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    directory,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
