import type { TPartner, TPartnerSummary } from '../../../contracts/partners.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type { PartnerContactRow, PartnerRow } from './partners.tables.js';

type Names = Record<string, string>;
type PartnerWithCount = PartnerRow & { activeAgreements: number | string | null };

export function presentPartnerSummary(row: PartnerWithCount): TPartnerSummary {
  return {
    id: row.id,
    names: parseJson<Names>(row.namesJson, {}),
    nativeName: row.nativeName,
    country: row.country,
    city: row.city,
    type: row.type as TPartnerSummary['type'],
    tags: parseJson<string[]>(row.tagsJson, []),
    archived: row.archivedAt !== null,
    activeAgreements: Number(row.activeAgreements ?? 0),
    updatedAt: row.updatedAt,
  };
}

export interface PartnerChildren {
  identifiers: { scheme: 'iati' | 'schac' | 'other'; value: string }[];
  contacts: PartnerContactRow[];
  networks: { id: string; namesJson: string }[];
  members: { id: string; namesJson: string }[];
}

export function presentPartner(
  row: PartnerWithCount,
  children: PartnerChildren,
  opts: { canUpdate: boolean; showContactDetails: boolean },
): TPartner {
  const link = (p: { id: string; namesJson: string }) => ({
    id: p.id,
    names: parseJson<Names>(p.namesJson, {}),
  });
  return {
    ...presentPartnerSummary(row),
    identifiers: children.identifiers,
    website: row.website,
    networks: children.networks.map(link),
    members: children.members.map(link),
    notes: row.notes,
    contacts: children.contacts.map((c) => ({
      id: c.id,
      nameNative: c.nameNative,
      nameLatin: c.nameLatin,
      position: c.position,
      // Personal contact details only for roles that work with partners directly.
      email: opts.showContactDetails ? c.email : '',
      phone: opts.showContactDetails ? c.phone : '',
      languages: parseJson(c.languagesJson, []),
    })),
    createdAt: row.createdAt,
    version: row.version,
    abilities: { update: opts.canUpdate, archive: opts.canUpdate },
  };
}

/** The audit snapshot of a partner: everything but the caller-specific abilities. */
export function auditSnapshot(p: TPartner): Omit<TPartner, 'abilities'> {
  const { abilities: _abilities, ...rest } = p;
  return rest;
}

export { toBool };
