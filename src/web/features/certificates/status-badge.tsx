import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  valid: 'green',
  revoked: 'red',
  expired: 'orange',
  unknown: 'gray',
  invalid: 'red',
};

export function CertificateStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {t(`certificates.status.${status}`)}
    </Badge>
  );
}
