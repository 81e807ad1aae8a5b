import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TEnrolmentImportPreview } from '../../../contracts/training.js';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { enrolmentSampleUrl, usePreviewEnrolmentImport, useRunEnrolmentImport } from './api';

type Problem = TEnrolmentImportPreview['problems'][number];
type Row = TEnrolmentImportPreview['rows'][number];
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function EnrolmentImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewEnrolmentImport(id);
  const run = useRunEnrolmentImport(id);
  const runProblems =
    run.error instanceof ApiError &&
    run.error.code === 'IMPORT_INVALID' &&
    Array.isArray(run.error.details.problems)
      ? (run.error.details.problems as Problem[])
      : null;

  const problemColumns: Column<Problem>[] = [
    { key: 'row', header: t('training.import.row'), render: (p) => p.row },
    { key: 'column', header: t('training.import.column'), render: (p) => <code dir="ltr">{p.column}</code> },
    {
      key: 'problem',
      header: t('training.import.problem'),
      render: (p) => t(`training.import.problems.${p.code}`, { defaultValue: p.code }),
    },
    {
      key: 'value',
      header: t('training.import.value'),
      render: (p) => <span dir="auto">{p.value ?? ''}</span>,
    },
  ];
  const rowColumns: Column<Row>[] = [
    { key: 'row', header: t('training.import.row'), render: (r) => r.row },
    { key: 'nameLatin', header: t('training.participant.nameLatin'), render: (r) => r.nameLatin },
    {
      key: 'nameNative',
      header: t('training.participant.nameNative'),
      render: (r) => <span dir="auto">{r.nameNative}</span>,
    },
    {
      key: 'country',
      header: t('training.participant.country'),
      render: (r) => countryName(r.country, locale),
    },
    {
      key: 'email',
      header: t('training.participant.email'),
      render: (r) => <span dir="ltr">{r.email}</span>,
    },
  ];

  function choose(f: File | null) {
    setFile(f);
    preview.reset();
    run.reset();
    if (f) {
      preview.mutate(f);
    }
  }

  return (
    <Stack>
      <PageHeader title={t('training.import.title')} />
      <Card withBorder>
        <Stack>
          <Text>{t('training.import.intro')}</Text>
          <Group gap="md">
            <Text size="sm">{t('training.import.sample')}</Text>
            <Anchor href={enrolmentSampleUrl('csv')} download>
              CSV
            </Anchor>
            <Anchor href={enrolmentSampleUrl('xlsx')} download>
              XLSX
            </Anchor>
          </Group>
          <FileInput
            label={t('training.import.file')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('training.import.clearFile') }}
            w={420}
            maw="100%"
          />
        </Stack>
      </Card>
      {preview.isPending && <Text c="dimmed">{t('training.import.checking')}</Text>}
      {preview.error && <ErrorState error={preview.error} />}
      {run.data ? (
        <Alert color="green" role="status" title={t('training.import.doneTitle')}>
          <Stack gap="xs">
            <Text>
              {t('training.import.done', { count: run.data.imported, waitlisted: run.data.waitlisted })}
            </Text>
            <Anchor component={Link} to={`/training/cohorts/${id}`}>
              {t('training.import.backToCohort')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        preview.data && (
          <Stack>
            <List>
              <List.Item>{t('training.import.rowCount', { count: preview.data.rowCount })}</List.Item>
              <List.Item>
                {t('training.import.problemCount', { count: preview.data.problems.length })}
              </List.Item>
            </List>
            {!preview.data.canImport && (
              <Alert color="orange" role="alert">
                {t('training.import.cannotImport')}
              </Alert>
            )}
            {run.error && <ErrorState error={run.error} />}
            <Title order={2} size="h5">
              {t('training.import.problemsTitle')}
            </Title>
            <DataTable
              label={t('training.import.problemsTitle')}
              testId="import-problems"
              columns={problemColumns}
              rows={runProblems ?? preview.data.problems}
              rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
              empty={t('training.import.noProblems')}
            />
            <Title order={2} size="h5">
              {t('training.import.rowsTitle')}
            </Title>
            <DataTable
              label={t('training.import.rowsTitle')}
              columns={rowColumns}
              rows={preview.data.rows}
              rowKey={(r) => String(r.row)}
            />
            <Group>
              <Button
                disabled={!preview.data.canImport || !file}
                loading={run.isPending}
                onClick={() => file && run.mutate(file)}
              >
                {t('training.import.run')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Stack>
  );
}
