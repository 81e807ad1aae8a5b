import { Button, Code, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type TAuditEntry } from '../../../contracts/audit.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { DateField } from '../../components/date-field';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';
import { useAudit, useUsers } from './api';
import { AuditRecordCell } from './audit-record-cell';
import { AUDIT_ENTITY_TYPES } from './record-kinds';

const FILTER_KEYS = ['entityType', 'action', 'actorId', 'fromDate', 'toDate'] as const;

/** Local calendar day → ISO instant at its start; `to` is exclusive, so the day after. */
export function dayStartIso(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) {
    return undefined;
  }
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block className="json-block">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS);
  const audit = useAudit({
    entityType: values.entityType,
    action: values.action,
    actorId: values.actorId,
    from: dayStartIso(values.fromDate),
    to: dayStartIso(values.toDate, 1),
    page,
    pageSize,
  });
  const actors = useUsers({ page: 1, pageSize: 200, sort: 'email' });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) {
        n.delete(id);
      } else {
        n.add(id);
      }
      return n;
    });

  const columns: Column<TAuditEntry>[] = [
    { key: 'at', header: t('audit.at'), noWrap: true, render: (e) => formatDateTime(e.at, locale) },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) => <span dir="ltr">{e.actorEmail ?? t('audit.system')}</span>,
    },
    { key: 'action', header: t('audit.action'), noWrap: true, render: (e) => t(`audit.actions.${e.action}`) },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => <AuditRecordCell entry={e} />,
    },
    { key: 'reason', header: t('audit.reason'), render: (e) => <span dir="auto">{e.reason ?? ''}</span> },
    {
      key: 'details',
      header: <span className="sr-only">{t('audit.changes')}</span>,
      render: (e) =>
        (e.before !== null || e.after !== null) && (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={open.has(e.id)}
            onClick={() => toggle(e.id)}
          >
            {open.has(e.id) ? t('audit.hideChanges') : t('audit.showChanges')}
          </Button>
        ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('nav.audit')} />
      <Group align="flex-end" gap="sm" role="search" aria-label={t('audit.filters')}>
        <Select
          label={t('audit.entity')}
          data={AUDIT_ENTITY_TYPES.map((x) => ({ value: x, label: t(`audit.entities.${x}`) }))}
          value={values.entityType || null}
          onChange={(v) => update({ entityType: v ?? '' })}
          clearable
          w={200}
        />
        <Select
          label={t('audit.action')}
          data={AUDIT_ACTIONS.map((x) => ({ value: x, label: t(`audit.actions.${x}`) }))}
          value={values.action || null}
          onChange={(v) => update({ action: v ?? '' })}
          clearable
          w={200}
        />
        {can(Permission.UserRead) && (
          <Select
            label={t('audit.actor')}
            data={(actors.data?.data ?? []).map((u) => ({ value: u.id, label: u.email }))}
            value={values.actorId || null}
            onChange={(v) => update({ actorId: v ?? '' })}
            searchable
            clearable
            w={240}
          />
        )}
        <DateField
          label={t('audit.from')}
          value={values.fromDate}
          onChange={(e) => update({ fromDate: e.currentTarget.value })}
          w={170}
        />
        <DateField
          label={t('audit.to')}
          value={values.toDate}
          onChange={(e) => update({ toDate: e.currentTarget.value })}
          w={170}
        />
      </Group>
      <DataTable
        label={t('nav.audit')}
        columns={columns}
        rows={audit.data?.data}
        rowKey={(e) => e.id}
        loading={audit.isFetching}
        error={audit.error}
        onRetry={() => void audit.refetch()}
        page={page}
        pageSize={pageSize}
        total={audit.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s })}
        empty={t('audit.empty')}
        renderExpanded={(e) =>
          open.has(e.id) && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <JsonBlock label={t('audit.before')} value={e.before} />
              <JsonBlock label={t('audit.after')} value={e.after} />
            </SimpleGrid>
          )
        }
      />
    </Stack>
  );
}
