import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAgreement } from '../../../contracts/agreements.js';
import type { TPartner } from '../../../contracts/partners.js';
import { Permission } from '../../../contracts/roles.js';
import { FullPageLoader, useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale, LOCALE_LABELS, LOCALES } from '../../i18n';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { httpHref } from '../../lib/safe-url';
import { useAgreements } from '../agreements/api';
import { PartnerStaffPanel } from '../library/partner-staff-panel';
import { useArchivePartner, usePartner } from './api';
import { ContactsTable } from './contacts-table';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children || '—'}</div>
    </div>
  );
}

function PartnerLinks({ items }: { items: TPartner['networks'] }) {
  const locale = currentLocale();
  if (items.length === 0) {
    return <>—</>;
  }
  return (
    <Group gap="xs">
      {items.map((n) => (
        <Anchor key={n.id} component={Link} to={`/partners/${n.id}`}>
          {pickLocalized(n.names, locale)}
        </Anchor>
      ))}
    </Group>
  );
}

function PartnerAgreements({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const list = useAgreements(
    { partnerId, page: 1, pageSize: 50, sort: 'endsOn' },
    can(Permission.AgreementRead),
  );
  if (!can(Permission.AgreementRead)) {
    return null;
  }
  const columns: Column<TAgreement>[] = [
    {
      key: 'title',
      header: t('agreements.titleField'),
      render: (a) => (
        <Anchor component={Link} to={`/agreements/${a.id}`}>
          {pickLocalized(a.title, locale)}
        </Anchor>
      ),
    },
    { key: 'type', header: t('agreements.type'), render: (a) => t(`agreements.types.${a.type}`) },
    {
      key: 'status',
      header: t('agreements.statusLabel'),
      render: (a) => <StatusBadge kind="agreement" status={a.status} />,
    },
    {
      key: 'ends',
      header: t('agreements.endsOn'),
      render: (a) => formatDate(a.effectiveEndsOn ?? a.endsOn, locale),
    },
  ];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('nav.agreements')}
        </Title>
        {can(Permission.AgreementWrite) && (
          <Button size="xs" variant="default" component={Link} to={`/agreements/new?partnerId=${partnerId}`}>
            {t('agreements.new')}
          </Button>
        )}
      </Group>
      <DataTable
        label={t('partners.agreementsOf')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(a) => a.id}
        loading={list.isFetching}
        error={list.error}
        empty={t('agreements.empty')}
      />
    </Card>
  );
}

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const partner = usePartner(id);
  const archive = useArchivePartner();

  if (partner.isPending) {
    return <FullPageLoader />;
  }
  if (partner.error) {
    return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  }
  const p = partner.data;

  function toggleArchive() {
    archive.mutate(
      { id: p.id, version: p.version, archived: !p.archived },
      {
        onSuccess: (r) =>
          notifications.show({
            color: 'green',
            message: t(r.archived ? 'partners.archivedDone' : 'partners.restoredDone'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  }

  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="sm">
            {pickLocalized(p.names, locale)}
            {p.archived && <Badge color="gray">{t('partners.archived')}</Badge>}
          </Group>
        }
        subtitle={p.nativeName || undefined}
        actions={
          <>
            {p.abilities.update && (
              <Button component={Link} to={`/partners/${p.id}/edit`}>
                {t('common.edit')}
              </Button>
            )}
            {p.abilities.archive && (
              <Button
                variant="default"
                color={p.archived ? undefined : 'red'}
                onClick={toggleArchive}
                loading={archive.isPending}
              >
                {p.archived ? t('partners.restore') : t('partners.archive')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {LOCALES.map((l) => (
            <Field key={l} label={t('partners.nameIn', { language: LOCALE_LABELS[l] })}>
              <span lang={l} dir="auto">
                {p.names[l]}
              </span>
            </Field>
          ))}
          <Field label={t('partners.nativeName')}>
            <span dir="auto">{p.nativeName}</span>
          </Field>
          <Field label={t('partners.country')}>{countryName(p.country, locale)}</Field>
          <Field label={t('partners.city')}>{p.city}</Field>
          <Field label={t('partners.type')}>{t(`partners.types.${p.type}`)}</Field>
          <Field label={t('partners.website')}>
            {p.website &&
              (httpHref(p.website) ? (
                <Anchor href={httpHref(p.website)} target="_blank" rel="noopener noreferrer" dir="ltr">
                  {p.website}
                </Anchor>
              ) : (
                <Text span size="sm" dir="ltr">
                  {p.website}
                </Text>
              ))}
          </Field>
          <Field label={t('partners.identifiers')}>
            {p.identifiers.map((i) => (
              <Text key={`${i.scheme}:${i.value}`} size="sm" dir="ltr">
                {t(`partners.schemes.${i.scheme}`)}: {i.value}
              </Text>
            ))}
          </Field>
          <Field label={t('partners.networks')}>
            <PartnerLinks items={p.networks} />
          </Field>
          {p.members.length > 0 && (
            <Field label={t('partners.members')}>
              <PartnerLinks items={p.members} />
            </Field>
          )}
          <Field label={t('partners.tags')}>
            {p.tags.length > 0 && (
              <Group gap={4}>
                {p.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
          <Field label={t('common.updatedAt')}>{formatDate(p.updatedAt, locale)}</Field>
        </SimpleGrid>
        {p.notes && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('partners.notes')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {p.notes}
            </Text>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('partners.contacts.title')}
        </Title>
        <ContactsTable contacts={p.contacts} />
      </Card>
      <PartnerAgreements partnerId={p.id} />
      <PartnerStaffPanel partnerId={p.id} />
    </Stack>
  );
}
