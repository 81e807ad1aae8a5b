import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { errorMessage } from '../../lib/errors';
import { useLinkPartnerUser, usePartnerAccountCandidates, usePartnerUserLinks } from './api';

/**
 * "Staff accounts of this partner": members with the partner role who work for this partner and
 * so see the library resources shared with it. Shown to admins only (user.manage).
 */
export function PartnerStaffPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can(Permission.UserManage);
  const links = usePartnerUserLinks(partnerId, allowed);
  const candidates = usePartnerAccountCandidates(allowed);
  const link = useLinkPartnerUser(partnerId);
  const [userId, setUserId] = useState<string | null>(null);
  if (!allowed) {
    return null;
  }
  const linked = new Set((links.data?.data ?? []).map((l) => l.userId));
  const change = (id: string, add: boolean) =>
    link.mutate(
      { userId: id, link: add },
      {
        onSuccess: () => setUserId(null),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('library.staff.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('library.staff.explain')}
      </Text>
      <Stack gap="xs">
        {(links.data?.data ?? []).map((l) => (
          <Group key={l.userId} justify="space-between">
            <Text>
              {l.displayName} <Text span c="dimmed">{`<${l.email}>`}</Text>
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => change(l.userId, false)}
              loading={link.isPending}
            >
              {t('library.staff.unlink')}
            </Button>
          </Group>
        ))}
        {links.data?.data.length === 0 && <Text c="dimmed">{t('library.staff.none')}</Text>}
        <Group align="flex-end">
          <Select
            label={t('library.staff.account')}
            placeholder={t('library.staff.choose')}
            searchable
            data={(candidates.data?.data ?? [])
              .filter((c) => !linked.has(c.userId))
              .map((c) => ({ value: c.userId, label: `${c.displayName} <${c.email}>` }))}
            value={userId}
            onChange={setUserId}
            nothingFoundMessage={t('library.staff.noCandidates')}
            w={320}
          />
          <Button onClick={() => userId && change(userId, true)} disabled={!userId} loading={link.isPending}>
            {t('library.staff.link')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
