import type { TBudgetInput, TTransactionInput } from '../../../contracts/projects.js';
import type { TPeriodInput } from '../../../contracts/results-frameworks.js';
import {
  type ExportProject,
  emptyIatiExtras,
  type IatiExtras,
  parseIatiExtras,
  type ResultTree,
} from '../../../domain/iati/project-mapping.js';
import { fromHundredths } from '../../../domain/projects/project-rules.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool, toJson } from '../../platform/db/sql-helpers.js';
import { newId } from '../../platform/ids.js';

export function getOrganization(db: Executor, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'iatiOrgId', 'version'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

/** Ids of the projects to export: the chosen ones that exist in the organization, or every project
 * not archived (ordered by code). */
export async function exportProjectIds(
  db: Executor,
  organizationId: string,
  selection: readonly string[] | null,
): Promise<string[]> {
  let q = db.selectFrom('projects').select('id').where('organizationId', '=', organizationId);
  q = selection === null ? q.where('archivedAt', 'is', null) : q.where('id', 'in', [...selection]);
  const rows = await q.orderBy('code').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Everything the export maps, for many projects in a fixed number of queries. */
export async function loadExportProjects(
  db: Executor,
  organizationId: string,
  ids: readonly string[],
  ownOrgId: string,
): Promise<ExportProject[]> {
  if (ids.length === 0) {
    return [];
  }
  const idList = [...ids];
  const [projects, participants, countries, sectors, budgets, transactions, links, family] =
    await Promise.all([
      db
        .selectFrom('projects')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('id', 'in', idList)
        .orderBy('code')
        .execute(),
      db
        .selectFrom('projectParticipants as pp')
        .leftJoin('partners as pa', 'pa.id', 'pp.partnerId')
        .select(['pp.projectId', 'pp.partnerId', 'pp.role', 'pa.namesJson', 'pa.type'])
        .where('pp.organizationId', '=', organizationId)
        .where('pp.projectId', 'in', idList)
        .orderBy('pp.sortOrder')
        .execute(),
      db
        .selectFrom('projectCountries')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('projectId', 'in', idList)
        .orderBy('percentageHundredths', 'desc')
        .orderBy('country')
        .execute(),
      db
        .selectFrom('projectSectors')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('projectId', 'in', idList)
        .orderBy('percentageHundredths', 'desc')
        .orderBy('code')
        .execute(),
      db
        .selectFrom('projectBudgets')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('projectId', 'in', idList)
        .orderBy('sortOrder')
        .execute(),
      db
        .selectFrom('projectTransactions')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('projectId', 'in', idList)
        .orderBy('transactionDate')
        .orderBy('sortOrder')
        .execute(),
      db.selectFrom('iatiActivityLinks').selectAll().where('organizationId', '=', organizationId).execute(),
      // Parents and children of the exported projects (for related-activity), with their codes.
      db
        .selectFrom('projects')
        .select(['id', 'code', 'parentId'])
        .where('organizationId', '=', organizationId)
        .execute(),
    ]);
  const partnerIds = [
    ...new Set(participants.map((p) => p.partnerId).filter((x): x is string => x !== null)),
  ];
  const partnerRefs =
    partnerIds.length === 0
      ? []
      : await db
          .selectFrom('partnerIdentifiers')
          .select(['partnerId', 'value'])
          .where('organizationId', '=', organizationId)
          .where('partnerId', 'in', partnerIds)
          .where('scheme', '=', 'iati')
          .orderBy('id')
          .execute();
  const results = await loadResultTrees(db, organizationId, idList);

  const linkOf = new Map(links.map((l) => [l.projectId, l]));
  const identifierOf = (id: string, code: string) => linkOf.get(id)?.iatiIdentifier ?? `${ownOrgId}-${code}`;
  const codeOf = new Map(family.map((p) => [p.id, p.code]));
  const by = <T extends { projectId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      m.set(r.projectId, [...(m.get(r.projectId) ?? []), r]);
    }
    return m;
  };
  const participantsBy = by(participants);
  const countriesBy = by(countries);
  const sectorsBy = by(sectors);
  const budgetsBy = by(budgets);
  const transactionsBy = by(transactions);
  const refOf = new Map<string, string>();
  for (const r of partnerRefs) {
    if (!refOf.has(r.partnerId)) {
      refOf.set(r.partnerId, r.value);
    }
  }
  const pct = (h: number | null) => (h === null ? null : fromHundredths(Number(h)));

  return projects.map((p): ExportProject => {
    const link = linkOf.get(p.id);
    const parentCode = p.parentId ? codeOf.get(p.parentId) : undefined;
    return {
      id: p.id,
      code: p.code,
      title: parseJson<Record<string, string>>(p.titleJson, {}),
      description: parseJson<Record<string, string>>(p.descriptionJson, {}),
      status: p.status,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      actualStart: p.actualStart,
      actualEnd: p.actualEnd,
      defaultCurrency: p.defaultCurrency,
      updatedAt: p.updatedAt,
      parentIdentifier: p.parentId && parentCode !== undefined ? identifierOf(p.parentId, parentCode) : null,
      childIdentifiers: family.filter((c) => c.parentId === p.id).map((c) => identifierOf(c.id, c.code)),
      participants: (participantsBy.get(p.id) ?? []).map((x) => ({
        role: x.role,
        partner:
          x.partnerId === null
            ? null
            : {
                names: parseJson<Record<string, string>>(x.namesJson, {}),
                type: x.type ?? '90',
                iatiRef: refOf.get(x.partnerId) ?? null,
              },
      })),
      countries: (countriesBy.get(p.id) ?? []).map((c) => ({
        country: c.country,
        percentage: pct(c.percentageHundredths),
      })),
      sectors: (sectorsBy.get(p.id) ?? []).map((s) => ({
        vocabulary: s.vocabulary,
        code: s.code,
        percentage: pct(s.percentageHundredths),
      })),
      budgets: (budgetsBy.get(p.id) ?? []).map(
        (b): TBudgetInput => ({
          type: b.type as TBudgetInput['type'],
          status: b.status as TBudgetInput['status'],
          periodStart: b.periodStart,
          periodEnd: b.periodEnd,
          valueMinor: Number(b.valueMinor),
          currency: b.currency,
          valueDate: b.valueDate,
        }),
      ),
      transactions: (transactionsBy.get(p.id) ?? []).map(
        (t): TTransactionInput => ({
          type: t.type as TTransactionInput['type'],
          date: t.transactionDate,
          valueMinor: Number(t.valueMinor),
          currency: t.currency,
          description: t.description,
          providerOrg: t.providerOrg,
          receiverOrg: t.receiverOrg,
        }),
      ),
      results: results.get(p.id) ?? [],
      link: link
        ? { identifier: link.iatiIdentifier, extras: parseIatiExtras(parseJson(link.extrasJson, {})) }
        : null,
    };
  });
}

type Text = Record<string, string>;
type Breakdown = TPeriodInput['target']['breakdown'];

/** The results frameworks of the projects as result trees, in display order. */
async function loadResultTrees(db: Executor, organizationId: string, projectIds: string[]) {
  const [results, indicators, periods] = await Promise.all([
    db
      .selectFrom('projectResults')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', 'in', projectIds)
      .orderBy('sortOrder')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('resultIndicators')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', 'in', projectIds)
      .orderBy('sortOrder')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('indicatorPeriods')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', 'in', projectIds)
      .orderBy('periodStart')
      .orderBy('periodEnd')
      .orderBy('id')
      .execute(),
  ]);
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const out = new Map<string, ResultTree[]>();
  for (const r of results) {
    const tree: ResultTree = {
      result: {
        type: r.resultType,
        title: parseJson<Text>(r.titleJson, {}),
        description: parseJson<Text>(r.descriptionJson, {}),
        assumptions: parseJson<Text>(r.assumptionsJson, {}),
        risks: parseJson<Text>(r.risksJson, {}),
        aggregationStatus: toBool(r.aggregationStatus),
      },
      indicators: indicators
        .filter((i) => i.resultId === r.id)
        .map((i) => ({
          indicator: {
            code: i.code,
            title: parseJson<Text>(i.titleJson, {}),
            description: parseJson<Text>(i.descriptionJson, {}),
            definition: parseJson<Text>(i.definitionJson, {}),
            meansOfVerification: parseJson<Text>(i.meansOfVerificationJson, {}),
            measure: i.measure,
            ascending: toBool(i.ascending),
            aggregation: i.aggregation,
            unitLabel: parseJson<Text>(i.unitLabelJson, {}),
            baseline:
              i.baselineYear === null
                ? null
                : {
                    year: Number(i.baselineYear),
                    isoDate: i.baselineIsoDate,
                    value: num(i.baselineValue),
                    comment: parseJson<Text>(i.baselineCommentJson, {}),
                  },
            disaggregations: parseJson(i.disaggregationsJson, []),
            sourceKey: i.sourceKey,
          },
          periods: periods
            .filter((p) => p.indicatorId === i.id)
            .map((p) => ({
              start: p.periodStart,
              end: p.periodEnd,
              target: {
                value: num(p.targetValue),
                comment: parseJson<Text>(p.targetCommentJson, {}),
                breakdown: parseJson<Breakdown>(p.targetBreakdownJson, []),
              },
              actual: toBool(p.hasActual)
                ? {
                    value: num(p.actualValue),
                    comment: parseJson<Text>(p.actualCommentJson, {}),
                    breakdown: parseJson<Breakdown>(p.actualBreakdownJson, []),
                  }
                : null,
            })),
        })),
    };
    out.set(r.projectId, [...(out.get(r.projectId) ?? []), tree]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import

/** What an import matches against: links, project codes and versions, partner IATI refs. */
export async function importLookups(db: Executor, organizationId: string) {
  const [links, projects, refs] = await Promise.all([
    db
      .selectFrom('iatiActivityLinks')
      .select(['projectId', 'iatiIdentifier'])
      .where('organizationId', '=', organizationId)
      .execute(),
    db
      .selectFrom('projects')
      .select(['id', 'code', 'version'])
      .where('organizationId', '=', organizationId)
      .execute(),
    db
      .selectFrom('partnerIdentifiers as pi')
      .innerJoin('partners as p', 'p.id', 'pi.partnerId')
      .select(['pi.partnerId', 'pi.valueNorm'])
      .where('pi.organizationId', '=', organizationId)
      .where('pi.scheme', '=', 'iati')
      .where('p.archivedAt', 'is', null)
      .orderBy('pi.id')
      .execute(),
  ]);
  const partnerIdsByRef = new Map<string, string>();
  for (const r of refs) {
    if (!partnerIdsByRef.has(r.valueNorm)) {
      partnerIdsByRef.set(r.valueNorm, r.partnerId);
    }
  }
  return {
    linkByIdentifier: new Map(links.map((l) => [l.iatiIdentifier, l.projectId])),
    projects: new Map(projects.map((p) => [p.id, { id: p.id, code: p.code, version: Number(p.version) }])),
    projectIdByCode: new Map(projects.map((p) => [p.code, p.id])),
    partnerIdsByRef,
  };
}

export async function upsertLink(
  trx: Executor,
  row: {
    organizationId: string;
    projectId: string;
    iatiIdentifier: string;
    extras: IatiExtras;
    sourceFileName: string;
    importedAt: string;
    importedBy: string | null;
  },
) {
  await trx
    .deleteFrom('iatiActivityLinks')
    .where('organizationId', '=', row.organizationId)
    .where((eb) =>
      eb.or([eb('projectId', '=', row.projectId), eb('iatiIdentifier', '=', row.iatiIdentifier)]),
    )
    .execute();
  await trx
    .insertInto('iatiActivityLinks')
    .values({
      id: newId(),
      organizationId: row.organizationId,
      projectId: row.projectId,
      iatiIdentifier: row.iatiIdentifier,
      extrasJson: toJson(row.extras ?? emptyIatiExtras()),
      sourceFileName: row.sourceFileName,
      importedAt: row.importedAt,
      importedBy: row.importedBy,
    })
    .execute();
}

export async function projectHasResults(db: Executor, organizationId: string, projectId: string) {
  const row = await db
    .selectFrom('projectResults')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('projectId', '=', projectId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
