import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** What repositories take as first argument: the database or a transaction the service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;
