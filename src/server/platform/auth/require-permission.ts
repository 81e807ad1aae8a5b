import type { Permission } from '../../../contracts/roles.js';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors.js';

/**
 * The first line of every service function: the role must grant the permission.
 * Whether the *resource* is visible is decided by the tenant-scoped query (404 otherwise).
 * @throws AppError FORBIDDEN
 */
export function requirePermission(ctx: ServiceContext, permission: Permission): void {
  if (!ctx.actor.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', `Missing permission ${permission}`);
  }
}

export function can(ctx: ServiceContext, permission: Permission): boolean {
  return ctx.actor.permissions.has(permission);
}
