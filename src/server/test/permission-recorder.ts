import type { Permission } from '../../contracts/roles.js';
import type { ServiceContext } from '../platform/context.js';

/**
 * Test-only: records which permissions the services check during one request, so that the
 * authorization matrix derives "what does this route need" from the code's own checks and the
 * permission table instead of a hand-written list. Requests are sent one at a time, so one
 * module-level log (reset before each request) is enough.
 *
 * Use it with
 *   vi.mock('../platform/auth/require-permission.js', async (orig) =>
 *     (await import('../test/permission-recorder.js')).recordingPermissions(await orig()));
 */
export interface PermissionCheck {
  permission: Permission;
  /** requirePermission (403 without it) rather than can() (changes what is shown or allowed). */
  required: boolean;
  granted: boolean;
}

export const permissionLog: PermissionCheck[] = [];

export function resetPermissionLog(): void {
  permissionLog.length = 0;
}

/** Permissions the request could not have passed without. */
export function requiredPermissions(): Permission[] {
  return [...new Set(permissionLog.filter((c) => c.required).map((c) => c.permission))];
}

/**
 * A 403 that the permission table explains: the last check before the refusal said no (a
 * requirePermission, or a can() gate such as "resource.read or else resource.read_shared").
 */
export function refusedByTable(): boolean {
  const last = permissionLog.at(-1);
  return last !== undefined && !last.granted;
}

interface PermissionModule {
  requirePermission: (ctx: ServiceContext, permission: Permission) => void;
  can: (ctx: ServiceContext, permission: Permission) => boolean;
}

export function recordingPermissions<M extends PermissionModule>(original: M): M {
  return {
    ...original,
    requirePermission(ctx: ServiceContext, permission: Permission) {
      permissionLog.push({ permission, required: true, granted: original.can(ctx, permission) });
      original.requirePermission(ctx, permission);
    },
    can(ctx: ServiceContext, permission: Permission) {
      const granted = original.can(ctx, permission);
      permissionLog.push({ permission, required: false, granted });
      return granted;
    },
  };
}
