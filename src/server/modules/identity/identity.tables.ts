import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../../../contracts/roles.js';

export interface OrganizationsTable {
  id: string;
  name: string;
  shortName: string;
  country: string;
  timeZone: string;
  iatiOrgId: string | null;
  /** 'college' (a tenant with its own records) or 'authority' (observes colleges; 2026-11-29T0240). */
  kind: Generated<'college' | 'authority'>;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: string;
  failedSignIns: Generated<number>;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export type MembershipStatus = 'active' | 'invited' | 'deactivated';

export interface MembershipsTable {
  id: string;
  organizationId: string;
  userId: string;
  role: Role;
  status: MembershipStatus;
  /** The partner (enterprise or partner college) an enterprise or partner user acts for. */
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  tokenHash: string;
  userId: string;
  organizationId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
}

export interface AuthTokensTable {
  id: string;
  kind: 'password_reset' | 'invitation';
  tokenHash: string;
  userId: string;
  organizationId: string | null;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
export type Session = Selectable<SessionsTable>;

export interface IdentityTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  authTokens: AuthTokensTable;
}
