import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../app/session';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { selfBase, useSelfProfile } from './api';
import { SelfProfileView } from './self-page';

/**
 * "My talent profile": a participant signed in with the account their college linked to their talent
 * profile manages it here, with the same rules as the personal link.
 */
export function MyTalentPage() {
  const { t } = useTranslation();
  const q = useSelfProfile(selfBase.account);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error || !q.data) {
    const none = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Alert color={none ? 'gray' : 'red'} role={none ? 'status' : 'alert'} title={t('talent.me.title')}>
        {none ? t('talent.me.none') : errorMessage(t, q.error)}
      </Alert>
    );
  }
  return (
    <Stack maw={720}>
      <SelfProfileView base={selfBase.account} s={q.data} />
    </Stack>
  );
}
