import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { sha256Hex } from './file-store.js';
import { type S3Settings, s3Url, signS3Request } from './s3-file-store.js';

// The examples of https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html:
// if our signature matches AWS's published one for the same request, S3 (and every compatible
// service) computes the same. The local test server (s3rver) does not check signatures.
const example: S3Settings = {
  endpoint: 'https://s3.amazonaws.com',
  region: 'us-east-1',
  bucket: 'examplebucket',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  forcePathStyle: false,
};
const at = new Date('2013-05-24T00:00:00Z');
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function signatureOf(headers: Record<string, string>): string {
  return /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1] ?? '';
}

describe('S3 Signature Version 4', () => {
  it('signs GET Object like the AWS example (Range header, empty body)', () => {
    const headers = signS3Request(
      example,
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        payloadSha256: EMPTY,
        extra: { Range: 'bytes=0-9' },
      },
      at,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(headers['x-amz-content-sha256']).toBe(EMPTY);
    expect(headers).not.toHaveProperty('host');
  });

  it('signs PUT Object like the AWS example (signed body hash, `$` in the key encoded)', () => {
    const body = Buffer.from('Welcome to Amazon S3.');
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const sign = (payloadSha256: string) =>
      signS3Request(
        example,
        {
          method: 'PUT',
          url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
          payloadSha256,
          extra: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        },
        at,
      );
    const headers = sign(sha256Hex(body));
    expect(headers.authorization).toContain(
      'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
    );
    expect(signatureOf(headers)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
    // Another body is another signature: an upload cannot be swapped or cut in flight.
    expect(signatureOf(sign(sha256Hex(body.subarray(0, 10))))).not.toBe(signatureOf(headers));
  });

  it('signs a request with a query like the AWS list example (sorted, encoded parameters)', () => {
    const headers = signS3Request(
      example,
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J'),
        payloadSha256: EMPTY,
      },
      at,
    );
    expect(signatureOf(headers)).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('addresses objects in path style or virtual-hosted style', () => {
    const key = 'ab/ab12';
    expect(s3Url({ ...example, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }, key).href).toBe(
      'http://127.0.0.1:9000/examplebucket/ab/ab12',
    );
    expect(s3Url(example, key).href).toBe('https://examplebucket.s3.amazonaws.com/ab/ab12');
    expect(s3Url({ ...example, forcePathStyle: true }, '').href).toBe(
      'https://s3.amazonaws.com/examplebucket',
    );
  });
});

describe('FILE_STORE settings', () => {
  const s3 = {
    FILE_STORE: 's3',
    S3_REGION: 'eu-west-1',
    S3_BUCKET: 'college-files',
    S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps files on local disk by default', () => {
    expect(loadConfig({ DATA_DIR: '/srv/tvet' }).s3).toBeNull();
  });

  it('reads the S3 settings, with the AWS endpoint by default and path style on request', () => {
    expect(loadConfig(s3).s3).toEqual({
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      region: 'eu-west-1',
      bucket: 'college-files',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    const minio = loadConfig({ ...s3, S3_ENDPOINT: 'http://minio.lan:9000', S3_FORCE_PATH_STYLE: 'true' }).s3;
    expect(minio).toMatchObject({ endpoint: 'http://minio.lan:9000', forcePathStyle: true });
  });

  it('refuses incomplete or wrong S3 settings, naming what is missing', () => {
    expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'b' })).toThrow(
      'FILE_STORE=s3 needs S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY; missing: S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY',
    );
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'ftp://files.example' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...s3, FILE_STORE: 'nfs' })).toThrow(/FILE_STORE/);
  });

  it('reads the scheduler interval', () => {
    expect(loadConfig({}).jobsIntervalSeconds).toBe(600);
    expect(loadConfig({ JOBS_INTERVAL_SECONDS: '1' }).jobsIntervalSeconds).toBe(1);
    expect(() => loadConfig({ JOBS_INTERVAL_SECONDS: '0' })).toThrow();
  });
});
