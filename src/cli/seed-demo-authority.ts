import type { Deps } from '../server/platform/context.js';
import { newId } from '../server/platform/ids.js';

export const DEMO_AUTHORITY_NAME =
  'Guangdong Provincial Department of Human Resources and Social Security — TVET observatory 广东省人力资源和社会保障厅职业教育观察平台';
export const DEMO_PROVINCIAL_OBSERVER_EMAIL = 'observer@gd-hrss.example.cn';

/**
 * The provincial authority of the demo: an organization of kind `authority` with one observer,
 * who sees the portfolio figures of every college on the platform (counts only) at /evaluation,
 * and nothing else of theirs. Runs once, with the rest of the demo workspace.
 */
export async function seedDemoAuthority(deps: Deps, passwordHash: string, now: string): Promise<void> {
  const orgId = newId();
  const userId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: DEMO_AUTHORITY_NAME,
        shortName: 'GD-HRSS',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        iatiOrgId: null,
        kind: 'authority',
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: DEMO_PROVINCIAL_OBSERVER_EMAIL,
        displayName: 'Provincial Observer 省厅观察员',
        passwordHash,
        locale: 'zh-CN',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto('memberships')
      .values({
        id: newId(),
        organizationId: orgId,
        userId,
        role: 'observer',
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
}
