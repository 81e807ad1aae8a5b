import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TCohortSummary } from '../../../contracts/training.js';
import { FullPageLoader } from '../../app/session';
import { AttachmentsPanel } from '../../components/attachments-panel';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useCreateCohort, useProgramme } from './api';

function NewCohortForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const create = useCreateCohort(programmeId);
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [capacity, setCapacity] = useState<number>(20);
  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name, startsOn: startsOn || null, endsOn: endsOn || null, capacity, notes: '' },
          { onSuccess: () => setName('') },
        );
      }}
    >
      <Stack>
        <Title order={3} size="h5">
          {t('training.cohort.new')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('training.cohort.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('training.cohort.startsOn')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('training.cohort.endsOn')}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
          />
          <NumberInput
            label={t('training.cohort.capacity')}
            min={1}
            max={10000}
            w={120}
            value={capacity}
            onChange={(v) => setCapacity(Number(v) || 1)}
          />
          <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
            {t('training.cohort.create')}
          </Button>
        </Group>
        {create.error && <ErrorState error={create.error} />}
      </Stack>
    </Card>
  );
}

export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const q = useProgramme(id);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error || !q.data) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const p = q.data;
  const rule = p.completionRule;
  const columns: Column<TCohortSummary>[] = [
    {
      key: 'name',
      header: t('training.cohort.name'),
      render: (c) => (
        <Anchor component={Link} to={`/training/cohorts/${c.id}`} dir="auto">
          {c.name}
        </Anchor>
      ),
    },
    {
      key: 'dates',
      header: t('training.cohort.dates'),
      render: (c) => `${formatDate(c.startsOn, locale)} – ${formatDate(c.endsOn, locale)}`,
      noWrap: true,
    },
    {
      key: 'seats',
      header: t('training.cohort.seats'),
      render: (c) => t('training.cohort.seatsValue', { taken: c.seatsTaken, capacity: c.capacity }),
    },
    { key: 'waiting', header: t('training.cohort.waiting'), render: (c) => c.waitingCount },
  ];
  return (
    <Stack>
      <PageHeader
        title={<span dir="auto">{pickLocalized(p.title, locale)}</span>}
        subtitle={p.description}
        actions={
          p.abilities.update && (
            <Button component={Link} to={`/training/programmes/${p.id}/edit`} variant="default">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h5">
              {t('training.programme.modules')}
            </Title>
            {p.modules.length === 0 && <Text c="dimmed">—</Text>}
            {p.modules.map((m) => (
              <Group key={m.id} gap="xs">
                <Badge variant="light">{t(`training.moduleKinds.${m.kind}`)}</Badge>
                <Text dir="auto">{pickLocalized(m.title, locale)}</Text>
                <Text c="dimmed" size="sm">
                  {t('training.module.hoursValue', { hours: m.hours })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h5">
              {t('training.programme.outcomes')}
            </Title>
            <List>
              {p.learningOutcomes.map((o) => (
                <List.Item key={JSON.stringify(o)}>
                  <span dir="auto">{pickLocalized(o, locale)}</span>
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              {t('training.programme.languages')}: {p.languages.join(', ') || '—'}
            </Text>
            <Text size="sm">
              {t('training.programme.interpretationNeeds')}: {p.interpretationNeeds || '—'}
            </Text>
            <Text size="sm">
              {t('training.completion.summary', {
                attendance: rule.minAttendancePercent,
                score: rule.minPostScore,
                required: rule.requirePostTest ? 'yes' : 'no',
              })}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('training.programme.cohorts')}
      </Title>
      <DataTable
        label={t('training.programme.cohorts')}
        columns={columns}
        rows={p.cohorts}
        rowKey={(c) => c.id}
        testId="cohorts-table"
      />
      {p.abilities.update && <NewCohortForm programmeId={p.id} />}
      <AttachmentsPanel entityType="programme" entityId={p.id} />
    </Stack>
  );
}
