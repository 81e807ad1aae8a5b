import type { TAgreement } from '../../../contracts/agreements.js';
import { deriveAgreementStatus } from '../../../domain/agreements/agreement-status.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type { AgreementDocumentRow, AgreementRow } from './agreements.tables.js';

export interface AgreementRelations {
  parties: { id: string; namesJson: string; country: string }[];
  documents: AgreementDocumentRow[];
}

export function statusOf(row: AgreementRow, today: string) {
  return deriveAgreementStatus(
    {
      stage: row.stage,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      autoRenewal: toBool(row.autoRenewal),
      renewalMonths: row.renewalMonths,
      terminatedOn: row.terminatedOn,
      expiringWindowDays: row.expiringWindowDays,
    },
    today,
  );
}

export function presentAgreement(
  row: AgreementRow,
  rel: AgreementRelations,
  today: string,
  abilities: TAgreement['abilities'],
): TAgreement {
  const derived = statusOf(row, today);
  return {
    id: row.id,
    type: row.type as TAgreement['type'],
    title: parseJson(row.titleJson, {}),
    scope: row.scope,
    partners: rel.parties.map((p) => ({ id: p.id, names: parseJson(p.namesJson, {}), country: p.country })),
    signatories: parseJson(row.signatoriesJson, []),
    stage: row.stage,
    status: derived.status,
    effectiveEndsOn: derived.effectiveEndsOn,
    daysToEnd: derived.daysToEnd,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    autoRenewal: toBool(row.autoRenewal),
    renewalMonths: row.renewalMonths,
    expiringWindowDays: row.expiringWindowDays,
    terminatedOn: row.terminatedOn,
    terminationReason: row.terminationReason,
    notes: row.notes,
    documents: abilities.readDocuments
      ? rel.documents.map((d) => ({
          id: d.id,
          fileName: d.fileName,
          contentType: d.contentType,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
          uploadedAt: d.uploadedAt,
        }))
      : [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities,
  };
}
