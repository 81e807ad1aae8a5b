/** Roles a membership can hold in an organization (one tenant). */
export const ROLES = [
  'admin',
  'coordinator',
  'project_manager',
  'trainer',
  'chief_expert',
  'expert',
  'partner',
  'participant',
  'enterprise',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission the platform checks. `<Resource><Action>` keys, stable string values.
 * New modules add their permissions here and to the table below.
 */
export const Permission = {
  PartnerRead: 'partner.read',
  PartnerWrite: 'partner.write',
  PartnerImport: 'partner.import',
  PartnerExport: 'partner.export',
  ContactSensitiveRead: 'contact.sensitive_read',
  AgreementRead: 'agreement.read',
  AgreementWrite: 'agreement.write',
  AgreementDocumentRead: 'agreement.document_read',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
  OutboxRead: 'outbox.read',
  OrganizationManage: 'organization.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
const readPartners = [P.PartnerRead, P.AgreementRead] as const;

/**
 * The permission table: what each role may do inside its own organization.
 * Every service function checks it first (`requirePermission`); the web reads it to hide
 * what would fail.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: Object.values(P),
  coordinator: [
    P.PartnerRead,
    P.PartnerWrite,
    P.PartnerImport,
    P.PartnerExport,
    P.ContactSensitiveRead,
    P.AgreementRead,
    P.AgreementWrite,
    P.AgreementDocumentRead,
    P.UserRead,
    P.OutboxRead,
  ],
  project_manager: [...readPartners, P.PartnerExport, P.AgreementDocumentRead, P.UserRead],
  trainer: [...readPartners],
  chief_expert: [...readPartners],
  expert: [P.PartnerRead],
  partner: [P.PartnerRead],
  participant: [],
  enterprise: [],
  observer: [...readPartners],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
