import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

interface Props {
  error?: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A translated error message, optionally with a retry button. */
export function ErrorState({ error, title, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      <Stack gap="xs" align="flex-start">
        {error !== undefined && <Text size="sm">{errorMessage(t, error)}</Text>}
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
