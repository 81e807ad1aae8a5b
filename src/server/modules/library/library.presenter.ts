import type { TGlossary, TResource, TTerm } from '../../../contracts/library.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type {
  GlossaryRow,
  GlossaryTermRow,
  ResourceFileRow,
  ResourceRow,
  ResourceVersionRow,
} from './library.tables.js';

export interface ResourceRelations {
  versions: ResourceVersionRow[];
  files: ResourceFileRow[];
  shares: { partnerId: string; namesJson: string; country: string; sharedAt: string }[];
}

export function presentResource(
  row: ResourceRow,
  rel: ResourceRelations,
  abilities: TResource['abilities'],
): TResource {
  const versions = rel.versions.map((v) => ({
    id: v.id,
    label: v.versionLabel,
    changelog: v.changelog,
    publishedOn: v.publishedOn,
    createdAt: v.createdAt,
    files: rel.files
      .filter((f) => f.versionId === v.id)
      .map((f) => ({
        id: f.id,
        language: f.language,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        uploadedAt: f.uploadedAt,
      })),
  }));
  return {
    id: row.id,
    kind: row.kind as TResource['kind'],
    title: parseJson(row.titleJson, {}),
    description: row.description,
    subject: row.subject,
    tags: parseJson(row.tagsJson, []),
    languages: [...new Set(rel.files.map((f) => f.language))].sort(),
    latestVersion: versions[0]?.label ?? null,
    versions,
    shares: abilities.share
      ? rel.shares.map((s) => ({
          partnerId: s.partnerId,
          names: parseJson(s.namesJson, {}),
          country: s.country,
          sharedAt: s.sharedAt,
        }))
      : [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities,
  };
}

export function presentGlossary(
  row: GlossaryRow,
  counts: { conceptCount: number; termCount: number; approvedCount: number },
  abilities: TGlossary['abilities'],
): TGlossary {
  return {
    id: row.id,
    name: parseJson(row.nameJson, {}),
    subject: row.subject,
    description: row.description,
    languages: parseJson(row.languagesJson, []),
    ...counts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities,
  };
}

export function presentTerm(row: GlossaryTermRow): TTerm {
  return {
    id: row.id,
    conceptId: row.conceptId,
    language: row.language,
    term: row.term,
    definition: row.definition,
    context: row.context,
    partOfSpeech: row.partOfSpeech as TTerm['partOfSpeech'],
    status: row.status,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    note: row.note,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
