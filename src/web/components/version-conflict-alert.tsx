import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown on 409 VERSION_CONFLICT: someone else saved first; offer to load their version. */
export function VersionConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('errors.VERSION_CONFLICT')} role="alert">
      <Text size="sm">{t('common.conflictText')}</Text>
      <Group mt="xs">
        <Button size="xs" color="orange" onClick={onReload}>
          {t('common.reloadLatest')}
        </Button>
      </Group>
    </Alert>
  );
}
