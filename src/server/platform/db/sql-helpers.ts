import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/** Case-insensitive "contains" that works the same on SQLite and PostgreSQL. */
export function containsInsensitive(column: Expression<string | null>, needle: string): Expression<SqlBool> {
  const escaped = needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`lower(${column}) like ${`%${escaped}%`} escape '\\'`;
}

/** JSON columns are text on both dialects: parse on read, stringify on write. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') {
    return fallback;
  }
  return JSON.parse(text) as T;
}

export const toJson = (value: unknown): string => JSON.stringify(value);
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): number => (v ? 1 : 0);

export type AnyEb = ExpressionBuilder<any, any>;
