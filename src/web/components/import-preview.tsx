import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlreadyImportedDetails } from '../../contracts/imports.js';
import { currentLocale } from '../i18n';
import { ApiError } from '../lib/api';
import { formatDateTime, formatNumber } from '../lib/format';
import { type Column, DataTable } from './data-table';
import { ErrorState } from './error-state';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A problem of an imported file, by row and column. */
export interface ImportProblem {
  row: number;
  column: string;
  code: string;
  value?: string;
}

/** What the server answers to a preview: the file's problems, and its rows when `rows` is given. */
export interface ImportPreviewData<Row> {
  fileName: string;
  rowCount: number;
  problems: ImportProblem[];
  rows?: Row[];
  canImport: boolean;
}

interface Props<Row, Result> {
  /**
   * Prefix of the texts: `${ns}.sample`, `.file`, `.clearFile`, `.checking`, `.doneTitle`,
   * `.rowCount`, `.problemCount`, `.cannotImport`, `.problemsTitle`, `.noProblems`, `.run`, `.row`,
   * `.column`, `.problem`, `.value`; `.fileHint`, `.previewTitle` and `.rowsTitle` where shown.
   */
  ns: string;
  /** Shown first (the page header). */
  header?: ReactNode;
  intro: string;
  sample: { csv: string; xlsx: string; csvLabel?: string; xlsxLabel?: string };
  /** Show `${ns}.fileHint` under the file input. */
  fileHint?: boolean;
  /** Show `${ns}.previewTitle` with the file's name above the counts. */
  previewTitle?: boolean;
  /** Translation key of a problem code. */
  problemKey: (code: string) => string;
  /** Row numbers of problems in the locale's digits and grouping (else as they are). */
  formatRowNumbers?: boolean;
  /** The rows the file would import, under `${ns}.rowsTitle` (and the problems under `${ns}.problemsTitle`). */
  rowColumns?: Column<Row>[];
  preview: UseMutationResult<ImportPreviewData<Row>, Error, File>;
  run: UseMutationResult<Result, Error, File>;
  /**
   * The same import with `allowRepeat=true`: when the server answers that the file was already
   * imported, the user can import it again anyway. Without it the answer is only shown.
   */
  repeat?: UseMutationResult<Result, Error, File>;
  /** Extra fields shown above the file (e.g. the list's name and skill). */
  fields?: ReactNode;
  /** False while the extra fields are incomplete. */
  ready?: boolean;
  done: (result: Result) => ReactNode;
}

function ProblemsTable({
  ns,
  problems,
  problemKey,
  formatRowNumbers,
}: {
  ns: string;
  problems: ImportProblem[];
  problemKey: (code: string) => string;
  formatRowNumbers: boolean;
}) {
  const { t } = useTranslation();
  const columns: Column<ImportProblem>[] = [
    {
      key: 'row',
      header: t(`${ns}.row`),
      render: (p) => (formatRowNumbers ? formatNumber(p.row, currentLocale()) : p.row),
    },
    { key: 'column', header: t(`${ns}.column`), render: (p) => <code dir="ltr">{p.column}</code> },
    {
      key: 'problem',
      header: t(`${ns}.problem`),
      render: (p) => t(problemKey(p.code), { defaultValue: p.code }),
    },
    { key: 'value', header: t(`${ns}.value`), render: (p) => <span dir="auto">{p.value ?? ''}</span> },
  ];
  return (
    <DataTable
      label={t(`${ns}.problemsTitle`)}
      testId="import-problems"
      columns={columns}
      rows={problems}
      rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
      empty={t(`${ns}.noProblems`)}
    />
  );
}

/** The server's 409 to a file already imported here (`details` of INVALID_STATE), else null. */
function alreadyImported(error: Error | null): AlreadyImportedDetails | null {
  return error instanceof ApiError &&
    error.code === 'INVALID_STATE' &&
    error.details.reason === 'already_imported'
    ? (error.details as unknown as AlreadyImportedDetails)
    : null;
}

/** Choose a file, see its problems by row and column (and its rows), then import it all or nothing. */
export function ImportPreview<Row extends { row: number }, Result>({
  ns,
  header,
  intro,
  sample,
  fileHint = false,
  previewTitle = false,
  problemKey,
  formatRowNumbers = false,
  rowColumns,
  preview,
  run: firstRun,
  repeat,
  fields,
  ready = true,
  done,
}: Props<Row, Result>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  // Once the user confirmed a repeat, its answer is the one shown.
  const run = repeat && !repeat.isIdle ? repeat : firstRun;
  const already = alreadyImported(run.error);
  const runProblems =
    run.error instanceof ApiError &&
    run.error.code === 'IMPORT_INVALID' &&
    Array.isArray(run.error.details.problems)
      ? (run.error.details.problems as ImportProblem[])
      : null;
  const sectionOrder = previewTitle ? 3 : 2;

  function choose(f: File | null) {
    setFile(f);
    preview.reset();
    firstRun.reset();
    repeat?.reset();
    if (f) {
      preview.mutate(f);
    }
  }

  return (
    <Stack>
      {header}
      <Card withBorder>
        <Stack>
          <Text>{intro}</Text>
          <Group gap="md">
            <Text size="sm">{t(`${ns}.sample`)}</Text>
            <Anchor href={sample.csv} download>
              {sample.csvLabel ?? 'CSV'}
            </Anchor>
            <Anchor href={sample.xlsx} download>
              {sample.xlsxLabel ?? 'XLSX'}
            </Anchor>
          </Group>
          {fields}
          <FileInput
            label={t(`${ns}.file`)}
            description={fileHint ? t(`${ns}.fileHint`) : undefined}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t(`${ns}.clearFile`) }}
            w={420}
            maw="100%"
          />
        </Stack>
      </Card>
      {preview.isPending && <Text c="dimmed">{t(`${ns}.checking`)}</Text>}
      {preview.error && <ErrorState error={preview.error} />}
      {run.data !== undefined ? (
        <Alert color="green" title={t(`${ns}.doneTitle`)} role="status">
          {done(run.data)}
        </Alert>
      ) : (
        preview.data && (
          <Stack>
            {previewTitle && (
              <Title order={2} size="h4">
                {t(`${ns}.previewTitle`, { file: preview.data.fileName })}
              </Title>
            )}
            <List>
              <List.Item>{t(`${ns}.rowCount`, { count: preview.data.rowCount })}</List.Item>
              <List.Item>{t(`${ns}.problemCount`, { count: preview.data.problems.length })}</List.Item>
            </List>
            {!preview.data.canImport && (
              <Alert color="orange" role="alert">
                {t(`${ns}.cannotImport`)}
              </Alert>
            )}
            {already ? (
              <Alert color="yellow" role="alert" data-testid="import-already-imported">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {t('import.alreadyImported', {
                      date: formatDateTime(already.importedAt, currentLocale()),
                      who: already.importedBy ?? '—',
                      rows: formatNumber(already.rows, currentLocale()),
                    })}
                  </Text>
                  {repeat && (
                    <Button size="xs" variant="default" onClick={() => file && repeat.mutate(file)}>
                      {t('import.importAgain')}
                    </Button>
                  )}
                </Stack>
              </Alert>
            ) : (
              run.error && <ErrorState error={run.error} />
            )}
            {rowColumns && (
              <Title order={sectionOrder} size="h5">
                {t(`${ns}.problemsTitle`)}
              </Title>
            )}
            <ProblemsTable
              ns={ns}
              problems={runProblems ?? preview.data.problems}
              problemKey={problemKey}
              formatRowNumbers={formatRowNumbers}
            />
            {rowColumns && (
              <>
                <Title order={sectionOrder} size="h5">
                  {t(`${ns}.rowsTitle`)}
                </Title>
                <DataTable
                  label={t(`${ns}.rowsTitle`)}
                  testId="import-rows"
                  columns={rowColumns}
                  rows={preview.data.rows ?? []}
                  rowKey={(r) => String(r.row)}
                />
              </>
            )}
            <Group>
              <Button
                disabled={!preview.data.canImport || !file || !ready}
                loading={run.isPending}
                onClick={() => {
                  if (file) {
                    repeat?.reset();
                    firstRun.mutate(file);
                  }
                }}
              >
                {t(`${ns}.run`)}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Stack>
  );
}
