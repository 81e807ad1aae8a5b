import type { LocalizedText } from '../../../contracts/common.js';
import { Permission } from '../../../contracts/roles.js';
import {
  SHOWCASE_FIGURES,
  SHOWCASE_SECTIONS,
  type ShowcaseFigure,
  type ShowcaseSection,
  type TShowcaseInput,
  type TShowcaseItem,
  type TShowcaseSettings,
  type TShowcaseToggle,
} from '../../../contracts/showcase.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toJson } from '../../platform/db/sql-helpers.js';
import { versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as repo from './showcase.repository.js';
import type { ShowcaseRow } from './showcase.tables.js';

// The college's side of the showcase: its settings, and which projects and library resources are
// shown publicly. Every function needs ShowcaseManage and works inside the actor's organization.

/** A suggestion for a first slug: the short name or the Latin part of the name, as a slug. */
function suggestSlug(name: string, shortName: string): string {
  const latin = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '');
  const fromName = latin(name);
  const fromShort = latin(shortName);
  return fromName.length >= 3 ? fromName : fromShort.length >= 3 ? fromShort : '';
}

function ordered<T extends string>(all: readonly T[], chosen: readonly T[]): T[] {
  const set = new Set(chosen);
  return all.filter((x) => set.has(x));
}

/** Drops empty entries; the page falls back to other languages (and to the organization's name). */
function compact(text: Record<string, string>): LocalizedText {
  return Object.fromEntries(Object.entries(text).filter(([, v]) => v.trim().length > 0));
}

interface Settings {
  enabled: boolean;
  slug: string;
  names: LocalizedText;
  intro: LocalizedText;
  sections: ShowcaseSection[];
  figures: ShowcaseFigure[];
  contactEmail: string;
  version: number;
}

export function settingsOf(row: ShowcaseRow): Settings {
  return {
    enabled: row.enabled === 1,
    slug: row.slug,
    names: parseJson<LocalizedText>(row.namesJson, {}),
    intro: parseJson<LocalizedText>(row.introJson, {}),
    sections: ordered(SHOWCASE_SECTIONS, parseJson<ShowcaseSection[]>(row.sectionsJson, [])),
    figures: ordered(SHOWCASE_FIGURES, parseJson<ShowcaseFigure[]>(row.figuresJson, [])),
    contactEmail: row.contactEmail,
    version: row.version,
  };
}

async function present(ctx: ServiceContext, db: Executor): Promise<TShowcaseSettings> {
  const orgId = ctx.actor.organizationId;
  const [row, org, counts] = await Promise.all([
    repo.getShowcaseOfOrganization(db, orgId),
    repo.organizationName(db, orgId),
    repo.publicCounts(db, orgId),
  ]);
  const s: Settings = row
    ? settingsOf(row)
    : {
        // Never saved: nothing is public; a starting point for the form.
        enabled: false,
        slug: suggestSlug(org.name, org.shortName),
        names: {},
        intro: {},
        sections: [...SHOWCASE_SECTIONS],
        figures: SHOWCASE_FIGURES.filter((f) => f !== 'budget'),
        contactEmail: '',
        version: 0,
      };
  return {
    ...s,
    organizationName: org.name,
    path: `/showcase/${s.slug}`,
    counts,
    abilities: { manage: can(ctx, Permission.ShowcaseManage) },
  };
}

/** The showcase settings (defaults while never saved). @throws FORBIDDEN */
export async function getShowcaseSettings(ctx: ServiceContext): Promise<TShowcaseSettings> {
  requirePermission(ctx, Permission.ShowcaseManage);
  return present(ctx, ctx.deps.db);
}

const isUniqueViolation = (e: unknown) => {
  const code = String((e as { code?: unknown })?.code ?? '');
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
};

const slugTaken = () =>
  new AppError('ALREADY_EXISTS', 'Another college uses this address', {
    issues: [{ path: ['data', 'slug'], message: 'showcase_slug_taken' }],
  });

/**
 * Saves the settings: `version` 0 creates them (first save), otherwise compare-and-set. The slug is
 * unique across the platform. Audited with before and after.
 * @throws FORBIDDEN, ALREADY_EXISTS (slug), VERSION_CONFLICT
 */
export async function saveShowcaseSettings(
  ctx: ServiceContext,
  input: { version: number; data: TShowcaseInput },
): Promise<TShowcaseSettings> {
  requirePermission(ctx, Permission.ShowcaseManage);
  const orgId = ctx.actor.organizationId;
  const d = input.data;
  const columns: repo.ShowcaseColumns = {
    enabled: d.enabled ? 1 : 0,
    slug: d.slug,
    namesJson: toJson(compact(d.names)),
    introJson: toJson(compact(d.intro)),
    sectionsJson: toJson(ordered(SHOWCASE_SECTIONS, d.sections)),
    figuresJson: toJson(ordered(SHOWCASE_FIGURES, d.figures)),
    contactEmail: d.contactEmail,
  };
  try {
    return await ctx.deps.db.transaction().execute(async (trx) => {
      if (await repo.slugTakenByAnother(trx, d.slug, orgId)) {
        throw slugTaken();
      }
      const before = await repo.getShowcaseOfOrganization(trx, orgId);
      const now = ctx.deps.clock.now().toISOString();
      if (!before) {
        if (input.version !== 0) {
          throw versionConflict(0);
        }
        await trx
          .insertInto('showcases')
          .values({
            id: newId(),
            organizationId: orgId,
            ...columns,
            createdAt: now,
            updatedAt: now,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
            version: 1,
          })
          .execute();
      } else {
        if (before.version !== input.version) {
          throw versionConflict(before.version);
        }
        const ok = await repo.updateShowcase(trx, orgId, input.version, {
          ...columns,
          updatedAt: now,
          updatedBy: ctx.actor.userId,
        });
        if (!ok) {
          throw versionConflict(input.version + 1);
        }
      }
      const after = await repo.getShowcaseOfOrganization(trx, orgId);
      if (!after) {
        throw notFound('showcase');
      }
      await recordAudit(trx, ctx, {
        action: before ? 'update' : 'create',
        entityType: 'showcase',
        entityId: after.id,
        before: before ? settingsOf(before) : undefined,
        after: settingsOf(after),
      });
      return present(ctx, trx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // Two colleges saved the same new slug at once: the database's unique index decided.
      throw slugTaken();
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Projects and resources shown publicly

/** Projects (not archived) with their "shown publicly" flag. @throws FORBIDDEN */
export async function listShowcaseProjects(ctx: ServiceContext): Promise<{ data: TShowcaseItem[] }> {
  requirePermission(ctx, Permission.ShowcaseManage);
  const rows = await repo.projectsForShowcase(ctx.deps.db, ctx.actor.organizationId);
  return {
    data: rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: parseJson<LocalizedText>(r.titleJson, {}),
      status: r.status,
      public: r.showPublicly === 1,
      version: r.version,
    })),
  };
}

/** Library resources with their "shown publicly" flag. @throws FORBIDDEN */
export async function listShowcaseResources(ctx: ServiceContext): Promise<{ data: TShowcaseItem[] }> {
  requirePermission(ctx, Permission.ShowcaseManage);
  const rows = await repo.resourcesForShowcase(ctx.deps.db, ctx.actor.organizationId);
  return {
    data: rows.map((r) => ({
      id: r.id,
      code: r.kind,
      title: parseJson<LocalizedText>(r.titleJson, {}),
      status: '',
      public: r.showPublicly === 1,
      version: r.version,
    })),
  };
}

type Flagged = { id: string; version: number; showPublicly: number; archivedAt?: string | null };

async function loadFlagged(
  ctx: ServiceContext,
  db: Executor,
  table: 'projects' | 'resources',
  id: string,
): Promise<Flagged> {
  const row =
    table === 'projects'
      ? await db
          .selectFrom('projects')
          .select(['id', 'version', 'showPublicly', 'archivedAt'])
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('id', '=', id)
          .executeTakeFirst()
      : await db
          .selectFrom('resources')
          .select(['id', 'version', 'showPublicly'])
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('id', '=', id)
          .executeTakeFirst();
  if (!row) {
    throw notFound(table === 'projects' ? 'project' : 'resource');
  }
  return row;
}

async function setPublic(
  ctx: ServiceContext,
  table: 'projects' | 'resources',
  id: string,
  input: { public: boolean; version: number },
): Promise<TShowcaseToggle> {
  requirePermission(ctx, Permission.ShowcaseManage);
  const after = await versionedChange(
    ctx,
    {
      table,
      entityType: table === 'projects' ? 'project' : 'resource',
      load: (c, db, rowId) => loadFlagged(c, db, table, rowId),
      snapshot: (e) => ({ showPublicly: e.showPublicly === 1 }),
    },
    id,
    input.version,
    {
      set: (_trx, before) => {
        if (input.public && before.archivedAt) {
          throw new AppError('INVALID_STATE', 'An archived project cannot be shown publicly', {
            issues: [{ path: ['public'], message: 'archived_not_public' }],
          });
        }
        return { showPublicly: input.public ? 1 : 0 };
      },
    },
  );
  return { id: after.id, public: after.showPublicly === 1, version: after.version };
}

/** Shows or hides a project on the showcase. @throws FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, INVALID_STATE */
export function setProjectPublic(
  ctx: ServiceContext,
  id: string,
  input: { public: boolean; version: number },
) {
  return setPublic(ctx, 'projects', id, input);
}

/** Shows or hides a library resource on the showcase. @throws FORBIDDEN, NOT_FOUND, VERSION_CONFLICT */
export function setResourcePublic(
  ctx: ServiceContext,
  id: string,
  input: { public: boolean; version: number },
) {
  return setPublic(ctx, 'resources', id, input);
}
