import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { useImportScheme, usePreviewSchemeImport } from './api';
import { skillPath } from './scheme-page';
import { StateError } from './state-modals';
import { ValidationPanel } from './validation-panel';

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Finding {
  sheet: string;
  row: number;
  column: string;
  code: string;
  value?: string;
}

function FindingsTable({ label, testId, findings }: { label: string; testId: string; findings: Finding[] }) {
  const { t } = useTranslation();
  const columns: Column<Finding>[] = [
    { key: 'sheet', header: t('markingSchemes.import.sheet'), render: (f) => f.sheet },
    { key: 'row', header: t('markingSchemes.import.row'), noWrap: true, render: (f) => f.row },
    {
      key: 'column',
      header: t('markingSchemes.import.column'),
      render: (f) => <code dir="ltr">{f.column}</code>,
    },
    {
      key: 'problem',
      header: t('markingSchemes.import.problem'),
      render: (f) => t(`markingSchemes.cis.${f.code}`, { defaultValue: f.code }),
    },
    {
      key: 'value',
      header: t('markingSchemes.import.value'),
      render: (f) => <span dir="auto">{f.value ?? ''}</span>,
    },
  ];
  return (
    <DataTable
      label={label}
      testId={testId}
      columns={columns}
      rows={findings}
      rowKey={(f) => `${f.sheet}-${f.row}-${f.column}-${f.code}`}
      empty={t('markingSchemes.import.none')}
    />
  );
}

/**
 * /competitions/:competitionId/skills/:skillId/scheme/import — a CIS "Marking Scheme Import" workbook:
 * every problem by sheet, row and column first, then a draft version from the same file (all or nothing).
 */
export function SchemeImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { competitionId = '', skillId = '' } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewSchemeImport(skillId);
  const run = useImportScheme(skillId);
  const base = skillPath(competitionId, skillId);
  const runProblems =
    run.error instanceof ApiError &&
    run.error.code === 'IMPORT_INVALID' &&
    Array.isArray(run.error.details.problems)
      ? (run.error.details.problems as Finding[])
      : null;
  const previewProblems =
    preview.error instanceof ApiError &&
    preview.error.code === 'IMPORT_INVALID' &&
    Array.isArray(preview.error.details.problems)
      ? (preview.error.details.problems as Finding[])
      : null;

  function choose(f: File | null) {
    setFile(f);
    preview.reset();
    run.reset();
    if (f) {
      preview.mutate(f);
    }
  }

  const data = preview.data;
  return (
    <Stack>
      <PageHeader
        title={t('markingSchemes.import.title')}
        subtitle={
          <Anchor component={Link} to={`${base}/scheme`}>
            {t('markingSchemes.import.back')}
          </Anchor>
        }
      />
      <Card withBorder>
        <Stack>
          <Text>{t('markingSchemes.import.intro')}</Text>
          <FileInput
            label={t('markingSchemes.import.file')}
            description={t('markingSchemes.import.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('markingSchemes.import.clearFile') }}
            w={420}
            maw="100%"
          />
        </Stack>
      </Card>
      {preview.isPending && <Text c="dimmed">{t('markingSchemes.import.checking')}</Text>}
      {previewProblems ? (
        <FindingsTable
          label={t('markingSchemes.import.problems')}
          testId="cis-problems"
          findings={previewProblems}
        />
      ) : (
        preview.error && <ErrorState error={preview.error} />
      )}
      {data && (
        <Stack>
          <Title order={2} size="h4">
            {t('markingSchemes.import.previewTitle', { file: data.fileName })}
          </Title>
          <List>
            <List.Item>
              {t('markingSchemes.import.counts', {
                criteria: data.scheme.criteria.length,
                subCriteria: data.scheme.subCriteria.length,
                aspects: data.scheme.aspects.length,
              })}
            </List.Item>
            <List.Item>{t('markingSchemes.import.problemCount', { count: data.problems.length })}</List.Item>
            <List.Item>{t('markingSchemes.import.warningCount', { count: data.warnings.length })}</List.Item>
          </List>
          {!data.canImport && (
            <Alert color="orange" role="alert">
              {t('markingSchemes.import.cannotImport')}
            </Alert>
          )}
          {run.error && !runProblems && <StateError error={run.error} />}
          <Title order={3} size="h5">
            {t('markingSchemes.import.problems')}
          </Title>
          <FindingsTable
            label={t('markingSchemes.import.problems')}
            testId="cis-problems"
            findings={runProblems ?? data.problems}
          />
          {data.warnings.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('markingSchemes.import.warnings')}
              </Title>
              <FindingsTable
                label={t('markingSchemes.import.warnings')}
                testId="cis-warnings"
                findings={data.warnings}
              />
            </>
          )}
          <Group>
            <Button
              disabled={!data.canImport || !file}
              loading={run.isPending}
              onClick={() =>
                file &&
                run.mutate(file, {
                  onSuccess: (v) => void navigate(`${base}/scheme?v=${encodeURIComponent(v.id)}`),
                })
              }
            >
              {t('markingSchemes.import.run')}
            </Button>
          </Group>
          {data.canImport && (
            <ValidationPanel
              validation={data.validation}
              sectionTolerance={data.settings.sectionTolerance}
              headingOrder={3}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
