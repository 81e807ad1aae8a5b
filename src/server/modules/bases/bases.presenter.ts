import type { TBase, TBaseSummary, TInfrastructureListSummary } from '../../../contracts/bases.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type { BaseChildren, BaseWithPartnerRow, ListWithCountRow } from './bases.repository.js';

type Names = Record<string, string>;

export function presentBaseSummary(row: BaseWithPartnerRow): TBaseSummary {
  return {
    id: row.id,
    kind: row.kind,
    names: parseJson<Names>(row.namesJson, {}),
    skillNumber: row.skillNumber,
    skillName: row.skillName,
    location: row.location,
    country: row.country,
    partner:
      row.partnerId && row.partnerNamesJson
        ? {
            id: row.partnerId,
            names: parseJson<Names>(row.partnerNamesJson, {}),
            country: row.partnerCountry ?? '',
          }
        : null,
    workstations: row.workstations,
    status: row.status,
    updatedAt: row.updatedAt,
  };
}

export function presentBase(
  row: BaseWithPartnerRow,
  children: BaseChildren,
  opts: { canUpdate: boolean },
): TBase {
  return {
    ...presentBaseSummary(row),
    siteAddress: row.siteAddress,
    establishedOn: row.establishedOn,
    facilities: row.facilities,
    notes: row.notes,
    equipment: children.equipment.map((e) => ({
      id: e.id,
      itemName: e.itemName,
      specification: e.specification,
      quantity: Number(e.quantity),
      unit: e.unit,
      condition: e.condition,
      notes: e.notes,
    })),
    team: children.team.map((m) => ({
      id: m.id,
      nameNative: m.nameNative,
      nameLatin: m.nameLatin,
      role: m.role,
      userId: m.userId,
    })),
    trainees: children.trainees.map((m) => ({
      id: m.id,
      nameNative: m.nameNative,
      nameLatin: m.nameLatin,
      country: m.country,
      since: m.since,
      status: m.status,
    })),
    activities: children.activities.map((a) => ({
      id: a.id,
      type: a.type,
      title: a.title,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      location: a.location,
      participants: Number(a.participants),
      summary: a.summary,
    })),
    createdAt: row.createdAt,
    version: row.version,
    abilities: { update: opts.canUpdate },
  };
}

/** The audit snapshot of a base: everything but the caller-specific abilities and row ids. */
export function auditSnapshot(b: TBase) {
  const { abilities: _abilities, equipment, team, trainees, activities, ...rest } = b;
  const strip = <T extends { id: string }>(xs: T[]) => xs.map(({ id: _id, ...x }) => x);
  return {
    ...rest,
    equipment: strip(equipment),
    team: strip(team),
    trainees: strip(trainees),
    activities: strip(activities),
  };
}

export function presentListSummary(row: ListWithCountRow): TInfrastructureListSummary {
  return {
    id: row.id,
    name: row.name,
    skillNumber: row.skillNumber,
    skillName: row.skillName,
    revision: Number(row.revision),
    sourceFileName: row.sourceFileName,
    importedAt: row.importedAt,
    itemCount: Number(row.itemCount ?? 0),
  };
}
