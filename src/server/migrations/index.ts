import type { Migration } from 'kysely';
import * as identityAuditJobs from './2026-11-28T2300_identity_audit_jobs.js';
import * as partnersAgreements from './2026-11-28T2310_partners_agreements.js';
import * as partnerListIndexes from './2026-11-28T2330_partner_list_indexes.js';
import * as projects from './2026-11-29T0000_projects.js';
import * as training from './2026-11-29T0010_training.js';
import * as mobilities from './2026-11-29T0020_mobilities.js';
import * as trainingBases from './2026-11-29T0030_training_bases.js';
import * as resourcesGlossary from './2026-11-29T0040_resources_glossary.js';
import * as certificates from './2026-11-29T0050_certificates.js';
import * as certificateBatchLease from './2026-11-29T0060_certificate_batch_lease.js';
import * as attachments from './2026-11-29T0070_attachments.js';
import * as competitions from './2026-11-29T0100_competitions.js';
import * as markingBatches from './2026-11-29T0110_marking_batches.js';
import * as resultsFrameworks from './2026-11-29T0200_results_frameworks.js';
import * as surveys from './2026-11-29T0210_surveys.js';
import * as iati from './2026-11-29T0230_iati.js';
import * as authorities from './2026-11-29T0240_authorities.js';
import * as showcase from './2026-11-29T0250_showcase.js';
import * as portfolioIndexes from './2026-11-29T0260_portfolio_indexes.js';
import * as talent from './2026-11-29T0300_talent.js';
import * as talentDemand from './2026-11-29T0310_talent_demand.js';
import * as membershipPartner from './2026-11-29T0320_membership_partner.js';
import * as collegeSkillsCuration from './2026-11-29T0330_college_skills_curation.js';
import * as importFingerprints from './2026-11-29T0340_import_fingerprints.js';

/** Every migration, by its frozen name. Add new ones at the end; never rename or edit old ones. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T2300_identity_audit_jobs': identityAuditJobs,
  '2026-11-28T2310_partners_agreements': partnersAgreements,
  '2026-11-28T2330_partner_list_indexes': partnerListIndexes,
  '2026-11-29T0000_projects': projects,
  '2026-11-29T0010_training': training,
  '2026-11-29T0020_mobilities': mobilities,
  '2026-11-29T0030_training_bases': trainingBases,
  '2026-11-29T0040_resources_glossary': resourcesGlossary,
  '2026-11-29T0050_certificates': certificates,
  '2026-11-29T0060_certificate_batch_lease': certificateBatchLease,
  '2026-11-29T0070_attachments': attachments,
  '2026-11-29T0100_competitions': competitions,
  '2026-11-29T0110_marking_batches': markingBatches,
  '2026-11-29T0200_results_frameworks': resultsFrameworks,
  '2026-11-29T0210_surveys': surveys,
  '2026-11-29T0230_iati': iati,
  '2026-11-29T0240_authorities': authorities,
  '2026-11-29T0250_showcase': showcase,
  '2026-11-29T0260_portfolio_indexes': portfolioIndexes,
  '2026-11-29T0300_talent': talent,
  '2026-11-29T0310_talent_demand': talentDemand,
  '2026-11-29T0320_membership_partner': membershipPartner,
  '2026-11-29T0330_college_skills_curation': collegeSkillsCuration,
  '2026-11-29T0340_import_fingerprints': importFingerprints,
};
