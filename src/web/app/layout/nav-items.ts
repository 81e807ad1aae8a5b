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

function matches(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The one navigation target the page belongs to: the most specific item whose path the page is
 * under. /talent/skills belongs to "College skills", not also to "Talent" (/talent), while
 * /talent/0190… (a profile) still belongs to "Talent". Null when no item matches.
 */
export function activeNavTarget(pathname: string, items: readonly NavItem[]): string | null {
  let best: string | null = null;
  for (const item of items) {
    if (matches(pathname, item.to) && (best === null || item.to.length > best.length)) {
      best = item.to;
    }
  }
  return best;
}
