import { describe, expect, it } from 'vitest';
import { rolePermissions } from '../../../contracts/roles.js';
import { ADMIN_NAV, activeNavTarget, MAIN_NAV, visibleItems } from './nav-items';

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

describe('the active navigation item', () => {
  const all = [...MAIN_NAV, ...ADMIN_NAV];
  it('is the most specific item the page is under, and only that one', () => {
    expect(activeNavTarget('/talent/skills', all)).toBe('/talent/skills');
    expect(activeNavTarget('/talent/skills/import', all)).toBe('/talent/skills');
    expect(activeNavTarget('/talent/0190abcd-0000-7000-8000-000000000000', all)).toBe('/talent');
    expect(activeNavTarget('/talent', all)).toBe('/talent');
    expect(activeNavTarget('/', all)).toBe('/');
    expect(activeNavTarget('/partners/x', all)).toBe('/partners');
  });
  it('matches whole path segments only', () => {
    expect(activeNavTarget('/partnersx', all)).toBeNull();
  });
});
