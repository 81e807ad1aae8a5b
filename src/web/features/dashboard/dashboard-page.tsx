import { Anchor, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan, useSession } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useExpiringAgreements } from '../agreements/api';
import { useDashboardSummary } from './api';

function StatCard({ label, value, loading }: { label: string; value: number | undefined; loading: boolean }) {
  const locale = currentLocale();
  return (
    <Card withBorder padding="lg">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {loading ? (
        <Skeleton h={32} mt={4} />
      ) : (
        <Text fz={32} fw={700}>
          {formatNumber(value ?? 0, locale)}
        </Text>
      )}
    </Card>
  );
}

function ExpiringList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const expiring = useExpiringAgreements(90);
  if (expiring.error) {
    return <ErrorState error={expiring.error} onRetry={() => void expiring.refetch()} />;
  }
  if (expiring.isPending) {
    return <Skeleton h={80} />;
  }
  const rows = expiring.data.data;
  if (rows.length === 0) {
    return <Text c="dimmed">{t('dashboard.noneExpiring')}</Text>;
  }
  return (
    <List spacing="xs" listStyleType="none" p={0}>
      {rows.map((a) => (
        <List.Item key={a.id}>
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/agreements/${a.id}`}>
              {pickLocalized(a.title, locale)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {a.partners.map((p) => pickLocalized(p.names, locale)).join(', ')}
            </Text>
            <Text size="sm">{formatDate(a.effectiveEndsOn ?? a.endsOn, locale)}</Text>
            <Text
              size="sm"
              fw={600}
              // The badges' text colours (theme.ts): orange.9 and red.8 are below 4.5:1 at this size.
              c={`var(--mantine-color-${a.daysToEnd !== null && a.daysToEnd <= 30 ? 'red' : 'orange'}-light-color)`}
            >
              {t('agreements.daysLeft', { days: a.daysToEnd ?? 0 })}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const locale = currentLocale();
  const canPartners = can(Permission.PartnerRead);
  const canAgreements = can(Permission.AgreementRead);
  const summary = useDashboardSummary();
  const loading = summary.isPending;

  if (!canPartners && !canAgreements) {
    return (
      <>
        <PageHeader title={t('nav.dashboard')} subtitle={session.organization.name} />
        <Text>{t('dashboard.welcome', { name: session.user.displayName })}</Text>
      </>
    );
  }

  return (
    <Stack>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={t('dashboard.welcome', { name: session.user.displayName })}
      />
      {summary.error && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <StatCard label={t('dashboard.partners')} value={summary.data?.partners} loading={loading} />
        <StatCard label={t('dashboard.countries')} value={summary.data?.countries} loading={loading} />
        {canAgreements && (
          <StatCard
            label={t('dashboard.expiringSoon')}
            value={summary.data?.expiringSoon}
            loading={loading}
          />
        )}
      </SimpleGrid>
      {canAgreements && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('dashboard.agreementsByStatus')}
          </Title>
          {loading ? (
            <Skeleton h={28} />
          ) : (
            <Group gap="md">
              {AGREEMENT_STATUSES.map((s) => (
                <Anchor key={s} component={Link} to={`/agreements?status=${s}`} underline="never">
                  <Group gap={6}>
                    <StatusBadge kind="agreement" status={s} />
                    <Text fw={600}>{formatNumber(summary.data?.agreementsByStatus[s] ?? 0, locale)}</Text>
                  </Group>
                </Anchor>
              ))}
            </Group>
          )}
        </Card>
      )}
      {canAgreements && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('dashboard.expiringTitle', { days: 90 })}
          </Title>
          <ExpiringList />
        </Card>
      )}
    </Stack>
  );
}
