import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Where uploaded files live: local disk (below) or an S3-compatible bucket (s3-file-store.ts).
 * Keys are random, never derived from user input. Both stores keep one contract
 * (file-store.contract.test.ts): `put` stores the whole file or nothing, `get` of a key that does
 * not exist rejects with an error whose `code` is 'ENOENT', `remove` of a missing key is no error.
 */
export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  /** Where the files are, for messages: a folder, or s3://bucket. */
  readonly root: string;
}

const KEY_PATTERN = /^[a-f0-9]{2}\/[a-f0-9]{40}$/;

/** A new random key `ab/ab…` (160 bits; the two-character prefix keeps folders small). */
export function newFileKey(): string {
  const name = randomBytes(20).toString('hex');
  return `${name.slice(0, 2)}/${name}`;
}

/** Rejects anything that is not a key made by `newFileKey` (no path tricks reach a store). */
export function assertFileKey(key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(`Invalid file key ${key}`);
  }
  return key;
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How the local store writes a file's bytes; a seam for fault tests (a disk that fills mid-write). */
export type WriteFile = (file: string, bytes: Buffer, options: { flag: 'wx' }) => Promise<void>;

/**
 * Local-disk store under DATA_DIR/files. Writes go to a temporary name first and are renamed
 * into place, so a crash or a full disk never leaves a partial file under a real key; a failed
 * write removes its temporary file (ENOSPC answers 507 STORAGE_FULL, see http/error-handler.ts).
 */
export function createLocalFileStore(root: string, io: { writeFile?: WriteFile } = {}): FileStore {
  const writeFile: WriteFile = io.writeFile ?? ((file, bytes, options) => fs.writeFile(file, bytes, options));
  const pathFor = (key: string) => path.join(root, assertFileKey(key));
  return {
    root,
    async put(bytes) {
      const key = newFileKey();
      const target = pathFor(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      try {
        await writeFile(tmp, bytes, { flag: 'wx' });
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
      return { key, sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
    },
    async get(key) {
      return fs.readFile(pathFor(key));
    },
    async remove(key) {
      await fs.rm(pathFor(key), { force: true });
    },
  };
}
