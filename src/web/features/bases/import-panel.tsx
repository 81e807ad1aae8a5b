import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTabularImportPreview } from '../../../contracts/bases.js';
import type { TImportProblem } from '../../../contracts/partners.js';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ProblemsTable({ problems }: { problems: TImportProblem[] }) {
  const { t } = useTranslation();
  const columns: Column<TImportProblem>[] = [
    { key: 'row', header: t('bases.import.row'), render: (p) => formatNumber(p.row, currentLocale()) },
    { key: 'column', header: t('bases.import.column'), render: (p) => <code dir="ltr">{p.column}</code> },
    {
      key: 'problem',
      header: t('bases.import.problem'),
      render: (p) => t(`bases.problem.${p.code}`, { defaultValue: p.code }),
    },
    { key: 'value', header: t('bases.import.value'), render: (p) => <span dir="auto">{p.value ?? ''}</span> },
  ];
  return (
    <DataTable
      label={t('bases.import.problemsTitle')}
      testId="import-problems"
      columns={columns}
      rows={problems}
      rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
      empty={t('bases.import.noProblems')}
    />
  );
}

interface Props<R> {
  intro: string;
  sampleCsv: string;
  sampleXlsx: string;
  preview: UseMutationResult<TTabularImportPreview, Error, File>;
  run: UseMutationResult<R, Error, File>;
  /** Extra fields shown above the file (e.g. the list's name and skill). */
  fields?: ReactNode;
  /** False while the extra fields are incomplete. */
  ready?: boolean;
  done: (result: R) => ReactNode;
}

/** Choose a file, see its problems by row and column, then import it all or nothing. */
export function ImportPanel<R>({
  intro,
  sampleCsv,
  sampleXlsx,
  preview,
  run,
  fields,
  ready = true,
  done,
}: Props<R>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
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
      <Card withBorder>
        <Stack>
          <Text>{intro}</Text>
          <Group gap="md">
            <Text size="sm">{t('bases.import.sample')}</Text>
            <Anchor href={sampleCsv} download>
              CSV
            </Anchor>
            <Anchor href={sampleXlsx} download>
              XLSX
            </Anchor>
          </Group>
          {fields}
          <FileInput
            label={t('bases.import.file')}
            description={t('bases.import.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('bases.import.clearFile') }}
            w={420}
            maw="100%"
          />
        </Stack>
      </Card>
      {preview.isPending && <Text c="dimmed">{t('bases.import.checking')}</Text>}
      {preview.error && <ErrorState error={preview.error} />}
      {run.data !== undefined ? (
        <Alert color="green" title={t('bases.import.doneTitle')} role="status">
          {done(run.data)}
        </Alert>
      ) : (
        preview.data && (
          <Stack>
            <Title order={2} size="h4">
              {t('bases.import.previewTitle', { file: preview.data.fileName })}
            </Title>
            <List>
              <List.Item>{t('bases.import.rowCount', { count: preview.data.rowCount })}</List.Item>
              <List.Item>{t('bases.import.problemCount', { count: preview.data.problems.length })}</List.Item>
            </List>
            {!preview.data.canImport && (
              <Alert color="orange" role="alert">
                {t('bases.import.cannotImport')}
              </Alert>
            )}
            {run.error && <ErrorState error={run.error} />}
            <ProblemsTable problems={runProblems ?? preview.data.problems} />
            <Group>
              <Button
                disabled={!preview.data.canImport || !file || !ready}
                loading={run.isPending}
                onClick={() => file && run.mutate(file)}
              >
                {t('bases.import.run')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Stack>
  );
}
