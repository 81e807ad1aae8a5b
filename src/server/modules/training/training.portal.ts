import type { TPortal } from '../../../contracts/training.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Deps } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { notFound } from '../../platform/errors.js';
import { visibleMaterial, visibleMaterials } from '../attachments/attachments.service.js';
import { portalCertificate } from '../certificates/certificates.portal.js';
import * as repo from './training.repository.js';

async function enrolmentOfToken(deps: Deps, token: string) {
  const enrolment = await deps.db
    .selectFrom('trainingEnrolments')
    .selectAll()
    .where('portalTokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!enrolment) {
    throw notFound('Portal');
  }
  return enrolment;
}

/**
 * What a participant sees through the personal link, without signing in. The token is looked
 * up by its SHA-256 only; an unknown token is 404, the same as any absent record. Materials are
 * the programme's attachments flagged visible to participants, downloaded through the same link.
 * The certificate (from the certificates
 * module) is the one in force, else the latest revoked one, or null before any was issued; while it
 * is in force it downloads through the same link.
 */
export async function getPortal(deps: Deps, token: string): Promise<TPortal> {
  const enrolment = await enrolmentOfToken(deps, token);
  const orgId = enrolment.organizationId;
  const [participant, cohort] = await Promise.all([
    repo.getParticipant(deps.db, orgId, enrolment.participantId),
    repo.getCohort(deps.db, orgId, enrolment.cohortId),
  ]);
  const programme = cohort ? await repo.getProgramme(deps.db, orgId, cohort.programmeId) : undefined;
  if (!participant || !cohort || !programme) {
    throw notFound('Portal');
  }
  const seated = enrolment.status !== 'withdrawn' && enrolment.waitlistPosition === null;
  const sessions = seated ? await repo.sessionsOfCohort(deps.db, orgId, cohort.id) : [];
  const certificate = await portalCertificate(deps, orgId, enrolment.id, token);
  const materials = await visibleMaterials(deps.db, orgId, programme.id);
  const materialsBase = `${deps.config.publicUrl}/api/v1/portal/${encodeURIComponent(token)}/materials`;
  return {
    participant: { nameLatin: participant.nameLatin, nameNative: participant.nameNative },
    programme: {
      title: parseJson<Record<string, string>>(programme.titleJson, {}),
      description: programme.description,
      learningOutcomes: parseJson<Record<string, string>[]>(programme.learningOutcomesJson, []),
    },
    cohort: { name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
    enrolment: { status: enrolment.status, waitlistPosition: enrolment.waitlistPosition },
    schedule: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      timeZone: s.timeZone,
      venue: s.venue,
      onlineUrl: s.onlineUrl,
      language: s.language,
      interpreter: s.interpreter,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      fileName: m.fileName,
      sizeBytes: m.sizeBytes,
      url: `${materialsBase}/${m.id}`,
    })),
    certificate,
  };
}

/**
 * A course material through the personal link: only one flagged visible, of the programme of the
 * link's own enrolment; anything else is 404, exactly as an unknown token.
 */
export async function downloadPortalMaterial(deps: Deps, token: string, materialId: string) {
  const enrolment = await enrolmentOfToken(deps, token);
  const orgId = enrolment.organizationId;
  const cohort = await repo.getCohort(deps.db, orgId, enrolment.cohortId);
  const material = cohort ? await visibleMaterial(deps.db, orgId, cohort.programmeId, materialId) : undefined;
  if (!material) {
    throw notFound('Material');
  }
  return {
    fileName: material.fileName,
    contentType: material.contentType,
    bytes: await deps.files.get(material.storageKey),
  };
}
