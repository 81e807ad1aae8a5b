import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Permission, type Role } from '../../../contracts/roles.js';
import { PARTNER_LINKED_ROLES, type TUser } from '../../../contracts/users.js';
import { useCan, useSession } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale, LOCALE_LABELS } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useUpdateUser, useUsers } from './api';
import { InviteUserModal, useRoleOptions } from './invite-user-modal';
import { PartnerLinkSelect } from './partner-link-select';

const FILTER_KEYS = ['q', 'role', 'status'] as const;
const STATUSES = ['active', 'invited', 'deactivated'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useSession();
  const can = useCan();
  const manage = can(Permission.UserManage);
  const roles = useRoleOptions();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS, { sort: 'email' });
  const users = useUsers({ ...values, page, pageSize });
  const change = useUpdateUser();
  const [inviteOpen, invite] = useDisclosure();
  const [q, setQ] = useState(values.q);
  const pushQ = useDebouncedCallback((v: string) => update({ q: v }), 350);

  function patch(
    u: TUser,
    body: { role?: Role; status?: 'active' | 'deactivated'; partnerId?: string | null },
  ) {
    change.mutate(
      { id: u.id, version: u.version, ...body },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('users.updated', { email: u.email }) }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  }

  const columns: Column<TUser>[] = [
    {
      key: 'email',
      header: t('auth.email'),
      sortField: 'email',
      render: (u) => <span dir="ltr">{u.email}</span>,
    },
    {
      key: 'displayName',
      header: t('user.displayName'),
      sortField: 'displayName',
      render: (u) => u.displayName,
    },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) =>
        manage && u.id !== session.user.id ? (
          <Select
            aria-label={t('users.roleOf', { email: u.email })}
            data={roles}
            value={u.role}
            allowDeselect={false}
            size="xs"
            w={180}
            onChange={(r) => r && r !== u.role && patch(u, { role: r as Role })}
          />
        ) : (
          t(`roles.${u.role}`)
        ),
    },
    {
      // Enterprise and partner users act for a partner of the college (their recruiters share postings).
      key: 'partner',
      header: t('userPartner.column'),
      render: (u) =>
        !(PARTNER_LINKED_ROLES as readonly string[]).includes(u.role) ? (
          ''
        ) : manage ? (
          <PartnerLinkSelect
            role={u.role}
            partner={u.partner}
            ariaLabel={t('userPartner.label', { email: u.email })}
            onChange={(p) => patch(u, { partnerId: p?.id ?? null })}
          />
        ) : u.partner ? (
          pickLocalized(u.partner.names, locale)
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      header: t('users.statusLabel'),
      render: (u) => <StatusBadge kind="user" status={u.status} />,
    },
    { key: 'locale', header: t('user.language'), render: (u) => LOCALE_LABELS[u.locale] },
    {
      key: 'lastSignInAt',
      header: t('users.lastSignIn'),
      render: (u) => formatDateTime(u.lastSignInAt, locale) || '—',
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      render: (u) =>
        manage &&
        u.id !== session.user.id &&
        (u.status === 'deactivated' ? (
          <Button size="compact-xs" variant="default" onClick={() => patch(u, { status: 'active' })}>
            {t('users.reactivate')}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            variant="default"
            color="red"
            onClick={() => patch(u, { status: 'deactivated' })}
          >
            {t('users.deactivate')}
          </Button>
        )),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('nav.users')}
        actions={manage && <Button onClick={invite.open}>{t('users.invite')}</Button>}
      />
      <Text size="sm" c="dimmed">
        {t('userPartner.hint')}
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('users.filters')}>
        <TextInput
          type="search"
          label={t('common.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          w={240}
        />
        <Select
          label={t('users.role')}
          data={roles}
          value={values.role || null}
          onChange={(v) => update({ role: v ?? '' })}
          clearable
          w={200}
        />
        <Select
          label={t('users.statusLabel')}
          data={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          value={values.status || null}
          onChange={(v) => update({ status: v ?? '' })}
          clearable
          w={180}
        />
      </Group>
      <DataTable
        label={t('nav.users')}
        columns={columns}
        rows={users.data?.data}
        rowKey={(u) => u.id}
        loading={users.isFetching}
        error={users.error}
        onRetry={() => void users.refetch()}
        page={page}
        pageSize={pageSize}
        total={users.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s })}
        sort={values.sort}
        onSortChange={(s) => update({ sort: s })}
        empty={<Text c="dimmed">{t('users.empty')}</Text>}
      />
      <InviteUserModal opened={inviteOpen} onClose={invite.close} />
    </Stack>
  );
}
