import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTalentProfile } from '../../../contracts/talent.js';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useLinkAccount } from './api';

/**
 * Whether the owner manages the profile signed in (My talent profile). The coordinator links it to
 * the participant account with the profile's e-mail, or unlinks it.
 */
export function AccountCard({ p }: { p: TTalentProfile }) {
  const { t } = useTranslation();
  const link = useLinkAccount(p.id);
  const linked = p.userId !== null;
  const reason = link.error instanceof ApiError ? String(link.error.details.reason ?? '') : '';
  return (
    <Card withBorder component="section" aria-labelledby="talent-account-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="talent-account-title">
          {t('talent.account.title')}
        </Title>
        <Text size="sm">{linked ? t('talent.account.linked') : t('talent.account.notLinked')}</Text>
        {p.abilities.update && (
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={link.isPending}
              onClick={() => link.mutate({ version: p.version, linked: !linked })}
            >
              {linked ? t('talent.account.unlink') : t('talent.account.link')}
            </Button>
          </Group>
        )}
        {link.isSuccess && !link.isPending && (
          <Text size="sm" c="green" role="status">
            {link.data.userId ? t('talent.account.linkedDone') : t('talent.account.unlinkedDone')}
          </Text>
        )}
        {link.error && (
          <Alert color="red" role="alert">
            {reason === 'no_participant_account'
              ? t('talent.account.noAccount')
              : errorMessage(t, link.error)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
