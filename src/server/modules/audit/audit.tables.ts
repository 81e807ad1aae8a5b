import type { Selectable } from 'kysely';

export interface AuditLogTable {
  id: string;
  organizationId: string | null;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
}
export type AuditRow = Selectable<AuditLogTable>;

export interface OutboxTable {
  id: string;
  organizationId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
  kind: string;
  status: 'queued' | 'sent' | 'failed' | 'outbox';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface JobRunsTable {
  id: string;
  jobName: string;
  periodKey: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  resultJson: string | null;
}

export interface PlatformTables {
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  jobRuns: JobRunsTable;
}
