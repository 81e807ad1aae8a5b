import type { Migration } from 'kysely';
import * as identityAuditJobs from './2026-11-28T2300_identity_audit_jobs.js';
import * as partnersAgreements from './2026-11-28T2310_partners_agreements.js';
import * as partnerListIndexes from './2026-11-28T2330_partner_list_indexes.js';

/** Every migration, by its frozen name. Add new ones at the end; never rename or edit old ones. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T2300_identity_audit_jobs': identityAuditJobs,
  '2026-11-28T2310_partners_agreements': partnersAgreements,
  '2026-11-28T2330_partner_list_indexes': partnerListIndexes,
};
