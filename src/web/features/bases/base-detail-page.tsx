import { Anchor, Button, Card, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ACTIVITY_TYPES,
  EQUIPMENT_CONDITIONS,
  type TBase,
  TEAM_ROLES,
  TRAINEE_STATUSES,
} from '../../../contracts/bases.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { type CompetitorSource, useBase } from './api';
import { CollectionEditor } from './collection-editor';
import { ComplianceView } from './compliance-view';

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

const TABS = ['equipment', 'team', 'trainees', 'activities', 'compliance'] as const;

function Collections({ base, tab, reload }: { base: TBase; tab: string; reload: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const opts = (codes: readonly string[], prefix: string) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));
  const common = { baseId: base.id, version: base.version, canEdit: base.abilities.update, onReload: reload };
  if (tab === 'equipment') {
    return (
      <Stack>
        {base.abilities.update && (
          <Anchor component={Link} to={`/bases/${base.id}/equipment/import`}>
            {t('bases.equipment.import')}
          </Anchor>
        )}
        <CollectionEditor
          {...common}
          collection="equipment"
          label={t('bases.tabs.equipment')}
          empty={t('bases.equipment.empty')}
          rows={base.equipment}
          blank={() => ({
            itemName: '',
            specification: '',
            quantity: 1,
            unit: '',
            condition: 'good',
            notes: '',
          })}
          fields={[
            { key: 'itemName', label: t('bases.equipment.item'), kind: 'text', required: true },
            { key: 'specification', label: t('bases.equipment.specification'), kind: 'text' },
            { key: 'quantity', label: t('bases.equipment.quantity'), kind: 'number', width: 110 },
            { key: 'unit', label: t('bases.equipment.unit'), kind: 'text', width: 100 },
            {
              key: 'condition',
              label: t('bases.equipment.condition'),
              kind: 'select',
              options: opts(EQUIPMENT_CONDITIONS, 'bases.conditions'),
              display: (r) => t(`bases.conditions.${r.condition}`),
              width: 160,
            },
            { key: 'notes', label: t('bases.notes'), kind: 'text' },
          ]}
        />
      </Stack>
    );
  }
  if (tab === 'team') {
    return (
      <CollectionEditor
        {...common}
        collection="team"
        label={t('bases.tabs.team')}
        empty={t('bases.team.empty')}
        rows={base.team}
        blank={() => ({ nameNative: '', nameLatin: '', role: 'coach', userId: null })}
        fields={[
          { key: 'nameLatin', label: t('bases.person.nameLatin'), kind: 'text', required: true },
          { key: 'nameNative', label: t('bases.person.nameNative'), kind: 'text' },
          {
            key: 'role',
            label: t('bases.team.role'),
            kind: 'select',
            options: opts(TEAM_ROLES, 'bases.roles'),
            display: (r) => t(`bases.roles.${r.role}`),
          },
        ]}
      />
    );
  }
  if (tab === 'trainees') {
    return (
      <CollectionEditor
        {...common}
        collection="trainees"
        label={t('bases.tabs.trainees')}
        empty={t('bases.trainees.empty')}
        rows={base.trainees}
        blank={() => ({
          nameNative: '',
          nameLatin: '',
          country: base.country,
          since: null,
          status: 'active',
        })}
        fields={[
          { key: 'nameLatin', label: t('bases.person.nameLatin'), kind: 'text', required: true },
          { key: 'nameNative', label: t('bases.person.nameNative'), kind: 'text' },
          {
            key: 'country',
            label: t('bases.country'),
            kind: 'country',
            display: (r) => (r.country ? countryName(r.country, locale) : ''),
          },
          {
            key: 'since',
            label: t('bases.trainees.since'),
            kind: 'date',
            display: (r) => formatDate(r.since, locale),
          },
          {
            key: 'status',
            label: t('bases.status'),
            kind: 'select',
            options: opts(TRAINEE_STATUSES, 'bases.traineeStatuses'),
            display: (r) => t(`bases.traineeStatuses.${r.status}`),
          },
        ]}
      />
    );
  }
  return (
    <CollectionEditor
      {...common}
      collection="activities"
      label={t('bases.tabs.activities')}
      empty={t('bases.activities.empty')}
      rows={base.activities}
      blank={() => ({
        type: 'training_camp',
        title: '',
        startsOn: '',
        endsOn: null,
        location: '',
        participants: 0,
        summary: '',
      })}
      fields={[
        {
          key: 'type',
          label: t('bases.activities.type'),
          kind: 'select',
          options: opts(ACTIVITY_TYPES, 'bases.activityTypes'),
          display: (r) => t(`bases.activityTypes.${r.type}`),
        },
        { key: 'title', label: t('bases.activities.title'), kind: 'text', required: true },
        {
          key: 'startsOn',
          label: t('bases.activities.startsOn'),
          kind: 'date',
          display: (r) => formatDate(r.startsOn, locale),
        },
        {
          key: 'endsOn',
          label: t('bases.activities.endsOn'),
          kind: 'date',
          display: (r) => formatDate(r.endsOn, locale),
        },
        { key: 'location', label: t('bases.activities.location'), kind: 'text' },
        { key: 'participants', label: t('bases.activities.participants'), kind: 'number', width: 110 },
        { key: 'summary', label: t('bases.activities.summary'), kind: 'text' },
      ]}
    />
  );
}

export function BaseDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useBase(id);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'equipment';

  if (query.isPending) {
    return <FullPageLoader />;
  }
  if (query.error) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const b = query.data;
  const setParam = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) {
            next.set(k, v);
          } else {
            next.delete(k);
          }
        }
        return next;
      },
      { replace: true },
    );

  return (
    <Stack>
      <PageHeader
        title={pickLocalized(b.names, locale)}
        subtitle={`${t(`bases.kinds.${b.kind}`)} · ${t(`bases.statuses.${b.status}`)}`}
        actions={
          b.abilities.update && (
            <Button component={Link} to={`/bases/${b.id}/edit`}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label={t('bases.skill')}>{[b.skillNumber, b.skillName].filter(Boolean).join(' ')}</Field>
          <Field label={t('bases.location')}>
            {t(`bases.locations.${b.location}`)} · {countryName(b.country, locale)}
          </Field>
          <Field label={t('bases.siteAddress')}>
            <span dir="auto">{b.siteAddress}</span>
          </Field>
          <Field label={t('bases.partner')}>
            {b.partner ? (
              <Anchor component={Link} to={`/partners/${b.partner.id}`}>
                {pickLocalized(b.partner.names, locale)}
              </Anchor>
            ) : (
              ''
            )}
          </Field>
          <Field label={t('bases.workstations')}>{b.workstations}</Field>
          <Field label={t('bases.establishedOn')}>{formatDate(b.establishedOn, locale)}</Field>
          <Field label={t('common.updatedAt')}>{formatDateTime(b.updatedAt, locale)}</Field>
        </SimpleGrid>
        {b.facilities && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('bases.facilities')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {b.facilities}
            </Text>
          </Stack>
        )}
        {b.notes && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('bases.notes')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {b.notes}
            </Text>
          </Stack>
        )}
      </Card>
      <Tabs value={tab} onChange={(v) => setParam({ tab: v })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`bases.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((x) => (
          <Tabs.Panel key={x} value={x} pt="md">
            {x === 'compliance' ? (
              <ComplianceView
                baseId={b.id}
                listId={params.get('listId')}
                competitorsFrom={params.get('competitorsFrom') === 'trainees' ? 'trainees' : 'workstations'}
                onChange={(next: { listId: string | null; competitorsFrom: CompetitorSource }) =>
                  setParam({ listId: next.listId, competitorsFrom: next.competitorsFrom })
                }
              />
            ) : (
              <Collections base={b} tab={x} reload={() => void query.refetch()} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
