import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/** Where uploaded files live. Keys are random, never derived from user input. */
export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  readonly root: string;
}

/**
 * Local-disk store under DATA_DIR/files. Writes go to a temporary name first and are renamed
 * into place, so a crash or a full disk never leaves a partial file under a real key.
 */
export function createLocalFileStore(root: string): FileStore {
  const pathFor = (key: string) => {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{40}$/.test(key)) {
      throw new Error(`Invalid file key ${key}`);
    }
    return path.join(root, key);
  };
  return {
    root,
    async put(bytes) {
      const name = randomBytes(20).toString('hex');
      const key = `${name.slice(0, 2)}/${name}`;
      const target = pathFor(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      try {
        await fs.writeFile(tmp, bytes, { flag: 'wx' });
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
      return { key, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    async get(key) {
      return fs.readFile(pathFor(key));
    },
    async remove(key) {
      await fs.rm(pathFor(key), { force: true });
    },
  };
}
