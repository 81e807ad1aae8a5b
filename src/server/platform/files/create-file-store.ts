import type { AppConfig } from '../config.js';
import { createLocalFileStore, type FileStore } from './file-store.js';
import { createS3FileStore } from './s3-file-store.js';

/**
 * The store the configuration names. An S3 bucket is checked once (HEAD bucket) so that a wrong
 * endpoint, bucket or key stops the start with a clear message instead of failing the first upload.
 */
export async function createFileStore(config: AppConfig): Promise<FileStore> {
  if (!config.s3) {
    return createLocalFileStore(config.filesDir);
  }
  const store = createS3FileStore(config.s3, { timeoutMs: 120_000 });
  try {
    await store.check();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `FILE_STORE=s3: bucket ${config.s3.bucket} at ${config.s3.endpoint} is not usable (${reason})`,
      { cause: err },
    );
  }
  return store;
}
