import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportPreview, TImportProblem } from '../../../contracts/partners.js';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { formatNumber } from '../../lib/format';
import { sampleUrl, usePreviewImport, useRunImport } from './api';

type PreviewRow = TImportPreview['rows'][number];
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ProblemsTable({ problems }: { problems: TImportProblem[] }) {
  const { t } = useTranslation();
  const columns: Column<TImportProblem>[] = [
    { key: 'row', header: t('partners.import.row'), render: (p) => formatNumber(p.row, currentLocale()) },
    { key: 'column', header: t('partners.import.column'), render: (p) => <code dir="ltr">{p.column}</code> },
    {
      key: 'problem',
      header: t('partners.import.problem'),
      render: (p) => t(`import.problem.${p.code}`, { defaultValue: p.code }),
    },
    {
      key: 'value',
      header: t('partners.import.value'),
      render: (p) => <span dir="auto">{p.value ?? ''}</span>,
    },
  ];
  return (
    <DataTable
      label={t('partners.import.problemsTitle')}
      testId="import-problems"
      columns={columns}
      rows={problems}
      rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
      empty={t('partners.import.noProblems')}
    />
  );
}

function RowsTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: Column<PreviewRow>[] = [
    { key: 'row', header: t('partners.import.row'), render: (r) => formatNumber(r.row, locale) },
    { key: 'name', header: t('partners.name'), render: (r) => <span dir="auto">{r.name}</span> },
    {
      key: 'country',
      header: t('partners.country'),
      render: (r) => (r.country ? countryName(r.country, locale) : ''),
    },
    {
      key: 'type',
      header: t('partners.type'),
      render: (r) => (r.type ? t(`partners.types.${r.type}`, { defaultValue: r.type }) : ''),
    },
    {
      key: 'action',
      header: t('partners.import.action'),
      render: (r) => (
        <Badge color={r.action === 'create' ? 'green' : 'gray'} variant="light">
          {t(`partners.import.actions.${r.action}`)}
        </Badge>
      ),
    },
  ];
  return (
    <DataTable
      label={t('partners.import.rowsTitle')}
      testId="import-rows"
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.row)}
    />
  );
}

export function PartnerImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const result = run.data;
  const runProblems =
    run.error instanceof ApiError &&
    run.error.code === 'IMPORT_INVALID' &&
    Array.isArray(run.error.details.problems)
      ? (run.error.details.problems as TImportProblem[])
      : null;

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
      <PageHeader title={t('partners.import.title')} />
      <Card withBorder>
        <Stack>
          <Text>{t('partners.import.intro')}</Text>
          <Group gap="md">
            <Text size="sm">{t('partners.import.sample')}</Text>
            <Anchor href={sampleUrl('csv')} download>
              {t('partners.import.sampleCsv')}
            </Anchor>
            <Anchor href={sampleUrl('xlsx')} download>
              {t('partners.import.sampleXlsx')}
            </Anchor>
          </Group>
          <FileInput
            label={t('partners.import.file')}
            description={t('partners.import.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('partners.import.clearFile') }}
            w={420}
            maw="100%"
          />
        </Stack>
      </Card>
      {preview.isPending && <Text c="dimmed">{t('partners.import.checking')}</Text>}
      {preview.error && <ErrorState error={preview.error} />}
      {result ? (
        <Alert color="green" title={t('partners.import.doneTitle')} role="status">
          <Stack gap="xs">
            <Text>{t('partners.import.done', { count: result.imported })}</Text>
            <Anchor component={Link} to="/partners">
              {t('partners.import.backToList')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        preview.data && (
          <Stack>
            <Title order={2} size="h4">
              {t('partners.import.previewTitle', { file: preview.data.fileName })}
            </Title>
            <List>
              <List.Item>{t('partners.import.rowCount', { count: preview.data.rowCount })}</List.Item>
              <List.Item>
                {t('partners.import.problemCount', { count: preview.data.problems.length })}
              </List.Item>
            </List>
            {!preview.data.canImport && (
              <Alert color="orange" role="alert">
                {t('partners.import.cannotImport')}
              </Alert>
            )}
            {run.error && <ErrorState error={run.error} />}
            <Title order={3} size="h5">
              {t('partners.import.problemsTitle')}
            </Title>
            <ProblemsTable problems={runProblems ?? preview.data.problems} />
            <Title order={3} size="h5">
              {t('partners.import.rowsTitle')}
            </Title>
            <RowsTable rows={preview.data.rows} />
            <Group>
              <Button
                disabled={!preview.data.canImport || !file}
                loading={run.isPending}
                onClick={() => file && run.mutate(file)}
              >
                {t('partners.import.run')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Stack>
  );
}
