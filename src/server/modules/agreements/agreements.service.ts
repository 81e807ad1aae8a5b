import type { TAgreement, TAgreementInput, TFindAgreementsQuery } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { existingPartnerIds } from '../partners/partners.repository.js';
import { presentAgreement } from './agreements.presenter.js';
import * as repo from './agreements.repository.js';
import type { AgreementRow } from './agreements.tables.js';

function abilitiesFor(ctx: ServiceContext): TAgreement['abilities'] {
  return {
    update: can(ctx, Permission.AgreementWrite),
    readDocuments: can(ctx, Permission.AgreementDocumentRead),
  };
}

/** Presents rows with their parties and documents, loaded in two queries for the whole batch. */
async function presentMany(
  ctx: ServiceContext,
  db: Executor,
  rows: AgreementRow[],
  today: string,
): Promise<TAgreement[]> {
  const ids = rows.map((r) => r.id);
  const [parties, documents] = await Promise.all([
    repo.partiesOf(db, ctx.actor.organizationId, ids),
    repo.documentsOf(db, ctx.actor.organizationId, ids),
  ]);
  const abilities = abilitiesFor(ctx);
  return rows.map((row) =>
    presentAgreement(
      row,
      {
        parties: parties.filter((p) => p.agreementId === row.id),
        documents: documents.filter((d) => d.agreementId === row.id),
      },
      today,
      abilities,
    ),
  );
}

type SortKey = 'endsOn' | 'startsOn' | 'title' | 'updatedAt';
const sortValue: Record<SortKey, (a: TAgreement) => string | null> = {
  endsOn: (a) => a.effectiveEndsOn ?? a.endsOn,
  startsOn: (a) => a.startsOn,
  title: (a) => (a.title.en ?? Object.values(a.title)[0] ?? '').toLowerCase(),
  updatedAt: (a) => a.updatedAt,
};

/** Orders by the key with empty values last in either direction, then by id for stable pages. */
function sortAgreements(list: TAgreement[], sort: string): TAgreement[] {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '') as SortKey;
  const value = sortValue[key];
  return [...list].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === b) {
      return x.id < y.id ? -1 : 1;
    }
    if (a === null) {
      return 1;
    }
    if (b === null) {
      return -1;
    }
    return (a < b ? -1 : 1) * (desc ? -1 : 1);
  });
}

/**
 * Agreements of the organization. Status is derived per row by the domain rule, so the filtered
 * set is narrowed in SQL, derived, filtered exactly, then sorted and paginated here. An
 * organization holds hundreds of agreements, not millions, so this stays cheap.
 */
export async function findAgreements(ctx: ServiceContext, q: TFindAgreementsQuery) {
  requirePermission(ctx, Permission.AgreementRead);
  const today = todayFor(ctx);
  const rows = await repo.listAgreements(
    ctx.deps.db,
    ctx.actor.organizationId,
    {
      q: q.q,
      partnerId: q.partnerId,
      type: q.type,
      status: q.status,
      inForceOnly: q.expiringWithinDays !== undefined,
    },
    today,
  );
  let list = await presentMany(ctx, ctx.deps.db, rows, today);
  if (q.status) {
    list = list.filter((a) => a.status === q.status);
  }
  if (q.expiringWithinDays !== undefined) {
    const within = q.expiringWithinDays;
    list = list.filter((a) => a.daysToEnd !== null && a.daysToEnd <= within);
  }
  const sorted = sortAgreements(list, q.sort);
  const start = (q.page - 1) * q.pageSize;
  return {
    data: sorted.slice(start, start + q.pageSize),
    page: q.page,
    pageSize: q.pageSize,
    total: sorted.length,
  };
}

/** In-force agreements whose effective end is within `days`, soonest first. */
export async function findExpiringAgreements(ctx: ServiceContext, days: number) {
  const page = await findAgreements(ctx, {
    expiringWithinDays: days,
    sort: 'endsOn',
    page: 1,
    pageSize: 200,
  });
  return { data: page.data };
}

async function loadAgreement(ctx: ServiceContext, db: Executor, id: string): Promise<TAgreement> {
  const row = await repo.getAgreement(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Agreement');
  }
  const [presented] = await presentMany(ctx, db, [row], todayFor(ctx));
  if (!presented) {
    throw notFound('Agreement');
  }
  return presented;
}

export async function getAgreement(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.AgreementRead);
  return loadAgreement(ctx, ctx.deps.db, id);
}

async function checkPartners(ctx: ServiceContext, trx: Executor, partnerIds: readonly string[]) {
  const known = await existingPartnerIds(trx, ctx.actor.organizationId, partnerIds);
  const bad = partnerIds.findIndex((id) => !known.has(id));
  if (bad >= 0) {
    throw new AppError('INVALID_INPUT', 'Unknown partner', {
      issues: [{ path: ['partnerIds', String(bad)], message: 'unknown_partner' }],
    });
  }
}

const snapshot = ({ abilities: _a, documents: _d, ...rest }: TAgreement) => rest;

export async function createAgreement(ctx: ServiceContext, input: TAgreementInput) {
  requirePermission(ctx, Permission.AgreementWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await checkPartners(ctx, trx, input.partnerIds);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('agreements')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.agreementColumns(input),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    await repo.replaceParties(trx, ctx.actor.organizationId, id, input.partnerIds);
    const created = await loadAgreement(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'agreement',
      entityId: id,
      after: snapshot(created),
    });
    return created;
  });
}

const agreementEntity: VersionedEntity<TAgreement> = {
  table: 'agreements',
  entityType: 'agreement',
  load: loadAgreement,
  snapshot,
};

export async function updateAgreement(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TAgreementInput },
) {
  requirePermission(ctx, Permission.AgreementWrite);
  return versionedChange(ctx, agreementEntity, id, input.version, {
    set: async (trx) => {
      await checkPartners(ctx, trx, input.data.partnerIds);
      await repo.replaceParties(trx, ctx.actor.organizationId, id, input.data.partnerIds);
      return repo.agreementColumns(input.data);
    },
  });
}

/**
 * Records the termination of a signed agreement on a date (today, past or future) with a reason.
 * @throws INVALID_STATE when the agreement was never signed or is already terminated
 */
export async function terminateAgreement(
  ctx: ServiceContext,
  id: string,
  input: { version: number; terminatedOn: string; reason: string },
) {
  requirePermission(ctx, Permission.AgreementWrite);
  return versionedChange(
    ctx,
    agreementEntity,
    id,
    input.version,
    {
      set: (_trx, before) => {
        if (before.stage !== 'signed' || before.status === 'terminated') {
          throw new AppError('INVALID_STATE', 'Only a signed agreement in force can be terminated', {
            status: before.status,
          });
        }
        return { terminatedOn: input.terminatedOn, terminationReason: input.reason };
      },
    },
    { reason: input.reason },
  );
}
