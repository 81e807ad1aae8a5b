import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSession } from '../session';
import { LanguageSwitcher } from './language-switcher';
import { ADMIN_NAV, activeNavTarget, MAIN_NAV, type NavItem, visibleItems } from './nav-items';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const main = visibleItems(MAIN_NAV, session.permissions);
  const admin = visibleItems(ADMIN_NAV, session.permissions);
  const activeTo = activeNavTarget(pathname, [...main, ...admin]);

  const link = (item: NavItem, prefix: string) => (
    <NavLink
      key={item.to}
      component={RouterNavLink}
      to={item.to}
      // Only the active item matches below its path, so a parent path never also reads as current.
      end={item.to !== activeTo}
      label={t(`${prefix}.${item.key}`)}
      active={item.to === activeTo}
      onClick={close}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.toggleNavigation')}
            />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs" truncate maw={280} dir="auto">
              {session.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {main.map((i) => link(i, 'nav'))}
          {admin.length > 0 && (
            <NavLink
              component="button"
              label={t('nav.admin')}
              defaultOpened={pathname.startsWith('/admin')}
              childrenOffset="md"
            >
              {admin.map((i) => link(i, 'nav'))}
            </NavLink>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
