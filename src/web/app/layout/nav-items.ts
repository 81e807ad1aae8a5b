import { Permission } from '../../../contracts/roles.js';

export interface NavItem {
  /** i18n key under nav.* */
  key: string;
  to: string;
  /** Shown only to users who hold this permission; undefined = everyone signed in. */
  permission?: Permission;
}

export const MAIN_NAV: NavItem[] = [
  { key: 'dashboard', to: '/' },
  { key: 'partners', to: '/partners', permission: Permission.PartnerRead },
  { key: 'agreements', to: '/agreements', permission: Permission.AgreementRead },
  { key: 'projects', to: '/projects', permission: Permission.ProjectRead },
  { key: 'training', to: '/training', permission: Permission.TrainingRead },
  { key: 'certificates', to: '/certificates', permission: Permission.CertificateRead },
  { key: 'surveys', to: '/surveys', permission: Permission.SurveyRead },
  { key: 'library', to: '/library', permission: Permission.ResourceReadShared },
  { key: 'glossaries', to: '/library/glossaries', permission: Permission.GlossaryRead },
  { key: 'bases', to: '/bases', permission: Permission.BaseRead },
  { key: 'exchanges', to: '/exchanges', permission: Permission.MobilityRead },
  { key: 'competitions', to: '/competitions', permission: Permission.CompetitionRead },
  { key: 'evaluation', to: '/evaluation', permission: Permission.PortfolioRead },
  { key: 'talent', to: '/talent', permission: Permission.TalentManage },
  { key: 'talentSkills', to: '/talent/skills', permission: Permission.TalentManage },
  { key: 'demand', to: '/talent/demand', permission: Permission.DemandPost },
  { key: 'myTalent', to: '/talent/me', permission: Permission.TalentSelf },
];

export const ADMIN_NAV: NavItem[] = [
  { key: 'users', to: '/admin/users', permission: Permission.UserRead },
  { key: 'audit', to: '/admin/audit', permission: Permission.AuditRead },
  { key: 'outbox', to: '/admin/outbox', permission: Permission.OutboxRead },
  { key: 'showcase', to: '/admin/showcase', permission: Permission.ShowcaseManage },
];

/** The items a user with these permissions may see. */
export function visibleItems(items: NavItem[], permissions: readonly string[]): NavItem[] {
  return items.filter((i) => !i.permission || permissions.includes(i.permission));
}
