import type { AgreementTables } from '../../modules/agreements/agreements.tables.js';
import type { AttachmentTables } from '../../modules/attachments/attachments.tables.js';
import type { PlatformTables } from '../../modules/audit/audit.tables.js';
import type { BaseTables } from '../../modules/bases/bases.tables.js';
import type { CertificateTables } from '../../modules/certificates/certificates.tables.js';
import type { CompetitionTables } from '../../modules/competitions/competitions.tables.js';
import type { MobilityTables } from '../../modules/exchanges/exchanges.tables.js';
import type { IatiTables } from '../../modules/iati/iati.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { LibraryTables } from '../../modules/library/library.tables.js';
import type { MarkingTables } from '../../modules/marking/marking.tables.js';
import type { PartnerTables } from '../../modules/partners/partners.tables.js';
import type { ProjectTables } from '../../modules/projects/projects.tables.js';
import type { ResultsFrameworkTables } from '../../modules/results-frameworks/results-frameworks.tables.js';
import type { ShowcaseTables } from '../../modules/showcase/showcase.tables.js';
import type { SurveyTables } from '../../modules/surveys/surveys.tables.js';
import type { DemandTables } from '../../modules/talent/demand.tables.js';
import type { TalentTables } from '../../modules/talent/talent.tables.js';
import type { TrainingTables } from '../../modules/training/training.tables.js';
import type { ImportFingerprintTables } from '../spreadsheets/import-fingerprints.tables.js';

/** The whole schema as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case). */
export interface Database
  extends IdentityTables,
    PlatformTables,
    PartnerTables,
    AgreementTables,
    BaseTables,
    ProjectTables,
    TrainingTables,
    MobilityTables,
    LibraryTables,
    CertificateTables,
    AttachmentTables,
    CompetitionTables,
    MarkingTables,
    ResultsFrameworkTables,
    SurveyTables,
    IatiTables,
    ShowcaseTables,
    TalentTables,
    DemandTables,
    ImportFingerprintTables {}
