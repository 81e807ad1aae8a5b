import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut, useSwitchOrganization } from '../../features/auth/api';
import { ChangePasswordModal } from '../../features/auth/change-password-modal';
import { ProfileModal } from '../../features/auth/profile-modal';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../session';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const switchOrg = useSwitchOrganization();
  const [profileOpen, profile] = useDisclosure();
  const [passwordOpen, password] = useDisclosure();
  const others = session.memberships.filter((m) => m.organizationId !== session.organization.id);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="sm" aria-label={t('user.menu', { name: session.user.displayName })}>
            {session.user.displayName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {session.user.email} · {t(`roles.${session.role}`)}
          </Menu.Label>
          <Menu.Item onClick={profile.open}>{t('user.profile')}</Menu.Item>
          <Menu.Item onClick={password.open}>{t('user.changePassword')}</Menu.Item>
          {others.length > 0 && <Menu.Label>{t('user.switchOrganization')}</Menu.Label>}
          {others.map((m) => (
            <Menu.Item
              key={m.organizationId}
              onClick={() =>
                switchOrg.mutate(m.organizationId, {
                  onSuccess: () => navigate('/'),
                  onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
                })
              }
            >
              {m.organizationName}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            color="red"
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
          >
            {t('user.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ProfileModal opened={profileOpen} onClose={profile.close} />
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}
