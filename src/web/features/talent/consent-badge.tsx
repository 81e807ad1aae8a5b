import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = { none: 'gray', given: 'green', withdrawn: 'orange' } as const;

export function ConsentBadge({
  state,
  scope,
}: {
  state: 'none' | 'given' | 'withdrawn';
  scope: 'match' | 'match_and_introduce' | null;
}) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light">
      {state === 'given' && scope ? t(`talent.scope.${scope}`) : t(`talent.consentState.${state}`)}
    </Badge>
  );
}
