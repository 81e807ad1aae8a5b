import type { AgreementTables } from '../../modules/agreements/agreements.tables.js';
import type { PlatformTables } from '../../modules/audit/audit.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { PartnerTables } from '../../modules/partners/partners.tables.js';

/** The whole schema as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case). */
export interface Database extends IdentityTables, PlatformTables, PartnerTables, AgreementTables {}
