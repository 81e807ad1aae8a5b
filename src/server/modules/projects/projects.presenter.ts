import type { TProject, TProjectSummary } from '../../../contracts/projects.js';
import { effectiveBudgetTotals, fromHundredths } from '../../../domain/projects/project-rules.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type {
  ProjectBudgetRow,
  ProjectCountryRow,
  ProjectRow,
  ProjectSectorRow,
  ProjectTransactionRow,
} from './projects.tables.js';

type Texts = Record<string, string>;

export interface SummaryChildren {
  countries: ProjectCountryRow[];
  budgets: ProjectBudgetRow[];
}

export interface DetailChildren {
  participants: {
    partnerId: string | null;
    role: string;
    namesJson: string | null;
    country: string | null;
  }[];
  sectors: ProjectSectorRow[];
  agreements: { id: string; titleJson: string; type: string }[];
  transactions: ProjectTransactionRow[];
  responsible: { id: string; displayName: string } | null;
  parent: { id: string; code: string; titleJson: string } | null;
}

const percentage = (h: number | null) => (h === null ? null : fromHundredths(h));

export function presentProjectSummary(row: ProjectRow, children: SummaryChildren): TProjectSummary {
  return {
    id: row.id,
    code: row.code,
    parentId: row.parentId,
    type: row.type as TProjectSummary['type'],
    title: parseJson<Texts>(row.titleJson, {}),
    status: row.status as TProjectSummary['status'],
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    countries: children.countries.filter((c) => c.projectId === row.id).map((c) => c.country),
    budgetTotals: effectiveBudgetTotals(
      children.budgets
        .filter((b) => b.projectId === row.id)
        .map((b) => ({ ...b, type: b.type as '1' | '2', valueMinor: Number(b.valueMinor) })),
    ),
    archived: row.archivedAt !== null,
    updatedAt: row.updatedAt,
  };
}

export function presentProject(
  row: ProjectRow,
  summary: SummaryChildren,
  detail: DetailChildren,
  abilities: TProject['abilities'],
): TProject {
  const own = summary.countries.filter((c) => c.projectId === row.id);
  return {
    ...presentProjectSummary(row, summary),
    baseLocation: row.baseLocation,
    description: parseJson<Texts>(row.descriptionJson, {}),
    defaultCurrency: row.defaultCurrency,
    responsible: detail.responsible,
    parent: detail.parent
      ? {
          id: detail.parent.id,
          code: detail.parent.code,
          title: parseJson<Texts>(detail.parent.titleJson, {}),
        }
      : null,
    participants: detail.participants.map((p) => ({
      partnerId: p.partnerId,
      role: p.role as TProject['participants'][number]['role'],
      names: p.partnerId ? parseJson<Texts>(p.namesJson, {}) : null,
      country: p.partnerId ? p.country : null,
    })),
    countryShares: own.map((c) => ({ country: c.country, percentage: percentage(c.percentageHundredths) })),
    sectors: detail.sectors.map((s) => ({
      vocabulary: s.vocabulary,
      code: s.code,
      percentage: percentage(s.percentageHundredths),
    })),
    agreements: detail.agreements.map((a) => ({
      id: a.id,
      title: parseJson<Texts>(a.titleJson, {}),
      type: a.type,
    })),
    budgets: summary.budgets
      .filter((b) => b.projectId === row.id)
      .map((b) => ({
        id: b.id,
        type: b.type as '1' | '2',
        status: b.status as '1' | '2',
        periodStart: b.periodStart,
        periodEnd: b.periodEnd,
        valueMinor: Number(b.valueMinor),
        currency: b.currency,
        valueDate: b.valueDate,
      })),
    transactions: detail.transactions.map((t) => ({
      id: t.id,
      type: t.type as TProject['transactions'][number]['type'],
      date: t.transactionDate,
      valueMinor: Number(t.valueMinor),
      currency: t.currency,
      description: t.description,
      providerOrg: t.providerOrg,
      receiverOrg: t.receiverOrg,
    })),
    createdAt: row.createdAt,
    version: row.version,
    abilities,
  };
}

/** The audited shape: the project without abilities. */
export const auditSnapshot = ({ abilities: _a, ...rest }: TProject) => rest;
