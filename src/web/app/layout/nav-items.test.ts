import { describe, expect, it } from 'vitest';
import { rolePermissions } from '../../../contracts/roles.js';
import { ADMIN_NAV, MAIN_NAV, visibleItems } from './nav-items';

describe('navigation by permission', () => {
  it('shows everything to an admin', () => {
    expect(visibleItems(MAIN_NAV, rolePermissions.admin)).toHaveLength(MAIN_NAV.length);
    expect(visibleItems(ADMIN_NAV, rolePermissions.admin)).toHaveLength(ADMIN_NAV.length);
  });
  it('hides partners, agreements and admin from a participant', () => {
    const keys = visibleItems(MAIN_NAV, rolePermissions.participant).map((i) => i.key);
    expect(keys).not.toContain('partners');
    expect(keys).not.toContain('agreements');
    expect(visibleItems(ADMIN_NAV, rolePermissions.participant)).toHaveLength(0);
  });
  it('gives a coordinator users, outbox and the showcase but not the audit log', () => {
    expect(visibleItems(ADMIN_NAV, rolePermissions.coordinator).map((i) => i.key)).toEqual([
      'users',
      'outbox',
      'showcase',
    ]);
  });
});
