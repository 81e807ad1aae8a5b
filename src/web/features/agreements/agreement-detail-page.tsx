import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAgreement } from '../../../contracts/agreements.js';
import { FullPageLoader } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale, LOCALE_LABELS, LOCALES } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { AgreementStatusLine, TerminationNotice } from './agreement-summary';
import { useAgreement } from './api';
import { DocumentsPanel } from './documents-panel';
import { TerminateModal } from './terminate-modal';
import { timeLeftText } from './time-left';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children === '' || children === null || children === undefined ? '—' : children}</div>
    </div>
  );
}

export function AgreementDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const query = useAgreement(id);
  const [terminateOpen, terminate] = useDisclosure();

  if (query.isPending) {
    return <FullPageLoader />;
  }
  if (query.error) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const a = query.data;
  const canTerminate =
    a.abilities.update && a.stage === 'signed' && a.status !== 'terminated' && a.status !== 'expired';
  const partyName = (partyId: string | null) =>
    partyId === null
      ? t('agreements.ownOrganization')
      : pickLocalized(a.partners.find((p) => p.id === partyId)?.names, locale) || partyId;

  const signatoryColumns: Column<TAgreement['signatories'][number]>[] = [
    {
      key: 'name',
      header: t('agreements.signatories.name'),
      render: (r) => <span dir="auto">{r.name}</span>,
    },
    { key: 'title', header: t('agreements.signatories.titleField'), render: (r) => r.title },
    { key: 'party', header: t('agreements.signatories.party'), render: (r) => partyName(r.partyId) },
    {
      key: 'signedOn',
      header: t('agreements.signatories.signedOn'),
      render: (r) => formatDate(r.signedOn, locale),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={pickLocalized(a.title, locale) || t('agreements.untitled')}
        subtitle={<AgreementStatusLine agreement={a} />}
        actions={
          <>
            {a.abilities.update && a.status !== 'terminated' && (
              <Button component={Link} to={`/agreements/${a.id}/edit`}>
                {t('common.edit')}
              </Button>
            )}
            {canTerminate && (
              <Button color="red" variant="default" onClick={terminate.open}>
                {t('agreements.terminate')}
              </Button>
            )}
          </>
        }
      />
      <TerminationNotice agreement={a} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {LOCALES.map((l) => (
            <Field key={l} label={t('agreements.titleIn', { language: LOCALE_LABELS[l] })}>
              {a.title[l] ? (
                <span lang={l} dir="auto">
                  {a.title[l]}
                </span>
              ) : (
                ''
              )}
            </Field>
          ))}
          <Field label={t('agreements.type')}>{t(`agreements.types.${a.type}`)}</Field>
          <Field label={t('agreements.stage')}>{t(`agreements.stages.${a.stage}`)}</Field>
          <Field label={t('agreements.partners')}>
            <Stack gap={2}>
              {a.partners.map((p) => (
                <Anchor key={p.id} component={Link} to={`/partners/${p.id}`}>
                  {pickLocalized(p.names, locale)} ({countryName(p.country, locale)})
                </Anchor>
              ))}
            </Stack>
          </Field>
          <Field label={t('agreements.signedOn')}>{formatDate(a.signedOn, locale)}</Field>
          <Field label={t('agreements.startsOn')}>{formatDate(a.startsOn, locale)}</Field>
          <Field label={t('agreements.endsOn')}>{formatDate(a.endsOn, locale)}</Field>
          <Field label={t('agreements.effectiveEndsOn')}>{formatDate(a.effectiveEndsOn, locale)}</Field>
          <Field label={t('agreements.daysToEnd')}>{timeLeftText(t, a) ?? ''}</Field>
          <Field label={t('agreements.autoRenewal')}>
            {a.autoRenewal ? t('agreements.renewsEvery', { months: a.renewalMonths ?? 0 }) : t('common.no')}
          </Field>
          <Field label={t('agreements.expiringWindowDays')}>
            {t('agreements.days', { days: a.expiringWindowDays })}
          </Field>
          <Field label={t('common.updatedAt')}>{formatDateTime(a.updatedAt, locale)}</Field>
        </SimpleGrid>
        {a.scope && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('agreements.scope')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {a.scope}
            </Text>
          </Stack>
        )}
        {a.notes && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('agreements.notes')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {a.notes}
            </Text>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('agreements.signatories.title')}
        </Title>
        <DataTable
          label={t('agreements.signatories.title')}
          columns={signatoryColumns}
          rows={a.signatories.map((sig, n) => ({ ...sig, n }))}
          rowKey={(r) => String(r.n)}
          empty={t('agreements.signatories.empty')}
        />
      </Card>
      <DocumentsPanel agreement={a} />
      {canTerminate && (
        <TerminateModal id={a.id} version={a.version} opened={terminateOpen} onClose={terminate.close} />
      )}
    </Stack>
  );
}
