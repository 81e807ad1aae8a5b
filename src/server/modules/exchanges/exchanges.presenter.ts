import type { ChecklistCode, TMobility, TMobilitySummary } from '../../../contracts/exchanges.js';
import { nextStages } from '../../../domain/mobilities/workflow.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type { MobilityMemberRow, MobilityRow } from './exchanges.tables.js';

type Names = Record<string, string>;
export interface PartnerInfo {
  id: string;
  namesJson: string;
  country: string;
}

export interface ChecklistRow {
  id: string;
  mobilityId: string;
  code: string | null;
  label: string;
  done: number;
  doneBy: string | null;
  doneByName: string | null;
  doneAt: string | null;
}

function party(isOwn: number, partnerId: string | null, partners: Map<string, PartnerInfo>) {
  const p = partnerId ? partners.get(partnerId) : undefined;
  return {
    isOwn: toBool(isOwn),
    partner: p ? { id: p.id, names: parseJson<Names>(p.namesJson, {}), country: p.country } : null,
  };
}

export function presentMobilitySummary(
  row: MobilityRow,
  partners: Map<string, PartnerInfo>,
  memberCount: number,
  checklist: readonly ChecklistRow[],
): TMobilitySummary {
  const home = party(row.homeIsOwn, row.homePartnerId, partners);
  const host = party(row.hostIsOwn, row.hostPartnerId, partners);
  const counterpart = toBool(row.homeIsOwn) ? host.partner : home.partner;
  return {
    id: row.id,
    direction: row.direction,
    category: row.category as TMobilitySummary['category'],
    title: row.title,
    stage: row.stage,
    home,
    host,
    country: counterpart?.country ?? null,
    plannedStartOn: row.plannedStartOn,
    plannedEndOn: row.plannedEndOn,
    actualStartOn: row.actualStartOn,
    actualEndOn: row.actualEndOn,
    memberCount,
    checklistDone: checklist.filter((c) => toBool(c.done)).length,
    checklistTotal: checklist.length,
    updatedAt: row.updatedAt,
  };
}

export interface MobilityRelations {
  partners: Map<string, PartnerInfo>;
  members: MobilityMemberRow[];
  checklist: ChecklistRow[];
  events: {
    id: string;
    fromStage: TMobility['stage'] | null;
    toStage: TMobility['stage'];
    actorId: string | null;
    actorName: string | null;
    at: string;
    note: string;
  }[];
  report: {
    summary: string;
    outcomes: string;
    followUpActions: string;
    submittedBy: string | null;
    submittedByName: string | null;
    submittedAt: string;
  } | null;
  project: { id: string; code: string; titleJson: string } | null;
  agreement: { id: string; titleJson: string } | null;
}

export function presentMobility(
  row: MobilityRow,
  rel: MobilityRelations,
  abilities: TMobility['abilities'],
): TMobility {
  return {
    ...presentMobilitySummary(row, rel.partners, rel.members.length, rel.checklist),
    purpose: row.purpose,
    destinationCity: row.destinationCity,
    fundingSource: row.fundingSource,
    fundingAmountMinor: row.fundingAmountMinor === null ? null : Number(row.fundingAmountMinor),
    fundingCurrency: row.fundingCurrency,
    costsBorneBy: row.costsBorneBy,
    project: rel.project
      ? { id: rel.project.id, code: rel.project.code, title: parseJson<Names>(rel.project.titleJson, {}) }
      : null,
    agreement: rel.agreement
      ? { id: rel.agreement.id, title: parseJson<Names>(rel.agreement.titleJson, {}) }
      : null,
    notes: row.notes,
    cancellationReason: row.cancellationReason,
    members: rel.members.map((m) => ({
      id: m.id,
      nameNative: m.nameNative,
      nameLatin: m.nameLatin,
      gender: m.gender,
      position: m.position,
      nationality: m.nationality,
      // Passport numbers only for coordinators and admins (mobility.sensitive_read).
      passportNumber: abilities.readSensitive ? m.passportNumber : null,
    })),
    events: rel.events.map((e) => ({ ...e, note: e.note })),
    checklist: rel.checklist.map((c) => ({
      id: c.id,
      code: (c.code as ChecklistCode | null) ?? null,
      label: c.label,
      done: toBool(c.done),
      doneBy: c.doneBy,
      doneByName: c.doneByName,
      doneAt: c.doneAt,
    })),
    report: rel.report,
    nextStages: nextStages(row.stage),
    createdAt: row.createdAt,
    version: row.version,
    abilities,
  };
}

/** The audit snapshot: everything but caller-specific fields; passport numbers never enter the log. */
export function auditSnapshot(m: TMobility) {
  const { abilities: _a, events: _e, nextStages: _n, ...rest } = m;
  return { ...rest, members: rest.members.map(({ passportNumber: _p, ...member }) => member) };
}
