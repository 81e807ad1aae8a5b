import type {
  AgreementStatus,
  TAgreementInput,
  TFindAgreementsQuery,
} from '../../../contracts/agreements.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, fromBool, toJson } from '../../platform/db/sql-helpers.js';
import { type AgreementsEb, agreementInForce, agreementNotTerminated } from './agreements.sql.js';

export type AgreementFilters = Pick<TFindAgreementsQuery, 'q' | 'partnerId' | 'type'> & {
  /** Narrows in SQL to rows that can have this status; the exact status is derived afterwards. */
  status?: AgreementStatus | undefined;
  inForceOnly?: boolean;
};

/**
 * Agreements of the organization matching the filters. For a status the SQL is a superset
 * (active and expiring share "in force"); the service derives each status with the domain rule.
 */
export async function listAgreements(
  db: Executor,
  organizationId: string,
  f: AgreementFilters,
  today: string,
) {
  let q = db.selectFrom('agreements as a').selectAll('a').where('a.organizationId', '=', organizationId);
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => containsInsensitive(eb.ref('a.searchText'), needle));
  }
  if (f.type) {
    q = q.where('a.type', '=', f.type);
  }
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreementParties as ap')
          .select('ap.agreementId')
          .whereRef('ap.agreementId', '=', 'a.id')
          .where('ap.partnerId', '=', partnerId),
      ),
    );
  }
  const notTerminated = (eb: AgreementsEb) => agreementNotTerminated(eb, today);
  if (f.inForceOnly || f.status === 'active' || f.status === 'expiring') {
    q = q.where((eb) => agreementInForce(eb as never, today));
  } else if (f.status === 'terminated') {
    q = q.where('a.terminatedOn', '<=', today);
  } else if (f.status === 'draft' || f.status === 'negotiating') {
    const stage = f.status;
    q = q.where('a.stage', '=', stage).where(notTerminated);
  } else if (f.status === 'expired') {
    q = q
      .where('a.stage', '=', 'signed')
      .where('a.autoRenewal', '=', 0)
      .where('a.endsOn', '<', today)
      .where(notTerminated);
  }
  return q.execute();
}

export async function getAgreement(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function partiesOf(db: Executor, organizationId: string, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('agreementParties as ap')
    .innerJoin('partners as p', 'p.id', 'ap.partnerId')
    .select(['ap.agreementId', 'p.id', 'p.namesJson', 'p.country'])
    .where('ap.organizationId', '=', organizationId)
    .where('ap.agreementId', 'in', [...agreementIds])
    .orderBy('p.nameSort')
    .execute();
}

export async function documentsOf(db: Executor, organizationId: string, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('agreementDocuments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('agreementId', 'in', [...agreementIds])
    .where('deletedAt', 'is', null)
    .orderBy('uploadedAt')
    .execute();
}

export async function getDocument(
  db: Executor,
  organizationId: string,
  agreementId: string,
  documentId: string,
) {
  return db
    .selectFrom('agreementDocuments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('agreementId', '=', agreementId)
    .where('id', '=', documentId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

export function agreementColumns(input: TAgreementInput) {
  const title = input.title;
  return {
    type: input.type,
    titleJson: toJson(title),
    titleSort: (title.en || Object.values(title).find(Boolean) || '').toLowerCase(),
    scope: input.scope,
    stage: input.stage,
    signedOn: input.signedOn,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    autoRenewal: fromBool(input.autoRenewal),
    renewalMonths: input.autoRenewal ? input.renewalMonths : null,
    expiringWindowDays: input.expiringWindowDays,
    signatoriesJson: toJson(input.signatories),
    notes: input.notes,
    searchText: [...Object.values(title), input.scope, ...input.signatories.map((s) => s.name)]
      .join(' \u0001 ')
      .toLowerCase(),
  };
}

export async function replaceParties(
  trx: Executor,
  organizationId: string,
  agreementId: string,
  partnerIds: readonly string[],
) {
  await trx
    .deleteFrom('agreementParties')
    .where('agreementId', '=', agreementId)
    .where('organizationId', '=', organizationId)
    .execute();
  const unique = [...new Set(partnerIds)];
  if (unique.length > 0) {
    await trx
      .insertInto('agreementParties')
      .values(unique.map((partnerId) => ({ organizationId, agreementId, partnerId })))
      .execute();
  }
}
