import type {
  TMarkingScheme,
  TSchemeVersion,
  TSchemeVersionSummary,
} from '../../../contracts/marking-schemes.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import {
  type SchemeValidation,
  type SchemeValidationSettings,
  validateMarkingScheme,
} from '../../../domain/competitions/scheme-validation.js';
import type { MarkingSchemeRow } from '../competitions/competitions.tables.js';
import { parseScheme } from '../competitions/schemes.repository.js';
import type { SchemeAccess } from './marking-schemes.access.js';

export const EMPTY_SCHEME: MarkingScheme = { sections: [], criteria: [], subCriteria: [], aspects: [] };

/** The stored scheme document, parsed the way the marking and results modules parse it. */
export const schemeOf: (row: MarkingSchemeRow) => MarkingScheme = parseScheme;

export function presentSchemeSummary(
  row: MarkingSchemeRow,
  validation: SchemeValidation,
  hasMarks: boolean,
): TSchemeVersionSummary {
  return {
    id: row.id,
    skillId: row.skillId,
    versionNo: row.versionNo,
    status: row.status,
    source: row.source,
    sourceFileName: row.sourceFileName,
    lockedAt: row.lockedAt,
    lockedBy: row.lockedBy,
    lockReason: row.lockReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    total: validation.summary.totals.total,
    valid: validation.valid,
    hasMarks,
  };
}

export function presentScheme(
  row: MarkingSchemeRow,
  settings: SchemeValidationSettings,
  facts: { hasMarks: boolean; formCount: number; hasOtherDraft: boolean },
  access: SchemeAccess,
): TSchemeVersion {
  const scheme = schemeOf(row);
  const validation = validateMarkingScheme(scheme, settings);
  const draft = row.status === 'draft';
  return {
    ...presentSchemeSummary(row, validation, facts.hasMarks),
    scheme: scheme as TMarkingScheme,
    validation,
    formCount: facts.formCount,
    settings: { sectionTolerance: settings.sectionTolerance, maxAspectMark: settings.maxAspectMark },
    abilities: {
      edit: draft && access.edit,
      delete: draft && access.edit,
      lock: draft && access.supervise && validation.valid,
      unlock: row.status === 'locked' && access.supervise && !facts.hasMarks && !facts.hasOtherDraft,
      assignTeams: row.status !== 'superseded' && access.supervise,
    },
  };
}
