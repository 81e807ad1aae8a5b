import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  MultiSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  TIatiExportPreview,
  TIatiExportRequest,
  TIatiImportPreview,
  TIatiProblem,
} from '../../../contracts/iati.js';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import {
  downloadExport,
  useExportableProjects,
  useExportPreview,
  useImportPreview,
  usePublisher,
  useRunImport,
  useSavePublisher,
} from './api';

/** Problem rows: severity, where, what (translated by code), and the value concerned. */
function ProblemsTable({
  problems,
  project,
}: {
  problems: (TIatiProblem & { project?: string })[];
  project?: boolean;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return null;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('iati.problem.severity')}</Table.Th>
            {project && <Table.Th>{t('iati.problem.project')}</Table.Th>}
            <Table.Th>{t('iati.problem.path')}</Table.Th>
            <Table.Th>{t('iati.problem.message')}</Table.Th>
            <Table.Th>{t('iati.problem.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
            <Table.Tr key={i}>
              <Table.Td>
                <Badge color={p.severity === 'error' ? 'red' : 'yellow'} variant="light">
                  {t(`iati.severity.${p.severity}`)}
                </Badge>
              </Table.Td>
              {project && <Table.Td dir="auto">{p.project}</Table.Td>}
              <Table.Td dir="ltr">
                <Text size="xs" ff="monospace">
                  {p.path}
                  {p.line !== undefined && ` (${t('iati.problem.line', { line: p.line })})`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`iati.problems.${p.code}`, { defaultValue: p.message })}</Text>
                {(p.code === 'xsd_invalid' || p.code === 'xml_not_well_formed') && (
                  <Text size="xs" c="dimmed" dir="ltr">
                    {p.message}
                  </Text>
                )}
              </Table.Td>
              <Table.Td dir="auto">
                <Text size="sm">{p.value ?? ''}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PublisherCard() {
  const { t } = useTranslation();
  const publisher = usePublisher();
  const save = useSavePublisher();
  const [value, setValue] = useState<string | null>(null);
  if (publisher.isError) {
    return <ErrorState error={publisher.error} onRetry={() => publisher.refetch()} />;
  }
  const p = publisher.data;
  if (!p) {
    return null;
  }
  const current = value ?? p.iatiOrgId ?? '';
  return (
    <Card withBorder id="publisher" component="section" aria-labelledby="iati-publisher-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="iati-publisher-title">
          {t('iati.publisher.title')}
        </Title>
        <Text size="sm">{t('iati.publisher.intro', { name: p.name })}</Text>
        {!p.iatiOrgId && (
          <Alert color="yellow" title={t('iati.publisher.missingTitle')}>
            {p.abilities.update ? t('iati.publisher.missingAdmin') : t('iati.publisher.missingAskAdmin')}
          </Alert>
        )}
        {p.abilities.update ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(
                { version: p.version, iatiOrgId: current.trim() },
                { onSuccess: () => setValue(null) },
              );
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('iati.publisher.orgId')}
                description={t('iati.publisher.orgIdHint')}
                value={current}
                dir="ltr"
                onChange={(e) => setValue(e.currentTarget.value)}
                w={380}
              />
              <Button
                type="submit"
                loading={save.isPending}
                disabled={current.trim() === (p.iatiOrgId ?? '')}
              >
                {t('iati.publisher.save')}
              </Button>
            </Group>
            {save.isError && (
              <Text c="red" size="sm" mt="xs" role="alert">
                {save.error instanceof ApiError && save.error.code === 'INVALID_INPUT'
                  ? t('validation.iati_org_id_format')
                  : errorMessage(t, save.error)}
              </Text>
            )}
          </form>
        ) : (
          p.iatiOrgId && (
            <Text size="sm">
              {t('iati.publisher.orgId')}: <span dir="ltr">{p.iatiOrgId}</span>
            </Text>
          )
        )}
        <Text size="xs" c="dimmed">
          {t('iati.publisher.reportingType')}
        </Text>
      </Stack>
    </Card>
  );
}

function ExportCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const projects = useExportableProjects();
  const preview = useExportPreview();
  const [scope, setScope] = useState<TIatiExportRequest['scope']>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const request: TIatiExportRequest = { scope, projectIds: scope === 'all' ? [] : selected };
  const result: TIatiExportPreview | undefined = preview.data;
  const missingOrgId =
    preview.error instanceof ApiError && preview.error.details.reason === 'iati_org_id_missing';
  const problems = (result?.activities ?? []).flatMap((a) =>
    a.problems.map((p) => ({ ...p, project: `${a.code} — ${pickLocalized(a.title, locale)}` })),
  );

  return (
    <Card withBorder component="section" aria-labelledby="iati-export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="iati-export-title">
          {t('iati.export.title')}
        </Title>
        <Text size="sm">{t('iati.export.intro')}</Text>
        <SegmentedControl
          value={scope}
          onChange={(v) => {
            setScope(v as TIatiExportRequest['scope']);
            preview.reset();
          }}
          data={[
            { value: 'all', label: t('iati.export.scopeAll') },
            { value: 'selection', label: t('iati.export.scopeSelection') },
          ]}
          w="fit-content"
        />
        {scope === 'selection' && (
          <MultiSelect
            label={t('iati.export.projects')}
            placeholder={t('iati.export.projectsPlaceholder')}
            searchable
            clearable
            value={selected}
            onChange={(v) => {
              setSelected(v);
              preview.reset();
            }}
            data={(projects.data?.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.code} — ${pickLocalized(p.title, locale)}`,
            }))}
          />
        )}
        <Group>
          <Button
            onClick={() => preview.mutate(request)}
            loading={preview.isPending}
            disabled={scope === 'selection' && selected.length === 0}
          >
            {t('iati.export.check')}
          </Button>
          {result?.valid && (
            <Button
              color="green"
              loading={downloading}
              onClick={async () => {
                setDownloading(true);
                setDownloadError(null);
                try {
                  await downloadExport(request, result.fileName);
                } catch (e) {
                  setDownloadError(e);
                } finally {
                  setDownloading(false);
                }
              }}
            >
              {t('iati.export.download', { fileName: result.fileName })}
            </Button>
          )}
        </Group>
        {missingOrgId && (
          <Alert color="red" title={t('iati.export.orgIdMissingTitle')}>
            {t('iati.export.orgIdMissing')}{' '}
            <Anchor href="#publisher">{t('iati.export.orgIdMissingLink')}</Anchor>
          </Alert>
        )}
        {preview.isError && !missingOrgId && (
          <Text c="red" role="alert">
            {errorMessage(t, preview.error)}
          </Text>
        )}
        {downloadError !== null && (
          <Text c="red" role="alert">
            {errorMessage(t, downloadError)}
          </Text>
        )}
        {result && (
          <Stack gap="xs">
            <Alert
              color={result.valid ? 'green' : 'red'}
              title={result.valid ? t('iati.export.valid') : t('iati.export.invalid')}
            >
              {t('iati.export.summary', {
                activities: formatNumber(result.activities.length, locale),
                errors: result.errorCount,
                warnings: result.warningCount,
              })}
            </Alert>
            <ProblemsTable problems={result.documentProblems} />
            <ProblemsTable problems={problems} project />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function ImportCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const preview = useImportPreview();
  const run = useRunImport();
  const [file, setFile] = useState<File | null>(null);
  const data: TIatiImportPreview | undefined = preview.data;
  const stale = run.error instanceof ApiError && run.error.details.reason === 'iati_import_stale';

  return (
    <Card withBorder component="section" aria-labelledby="iati-import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="iati-import-title">
          {t('iati.import.title')}
        </Title>
        <Text size="sm">{t('iati.import.intro')}</Text>
        <FileInput
          label={t('iati.import.file')}
          description={t('iati.import.fileHint')}
          accept=".xml,application/xml,text/xml"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
            if (f) {
              preview.mutate(f);
            } else {
              preview.reset();
            }
          }}
          w={420}
        />
        {preview.isPending && <Text size="sm">{t('iati.import.checking')}</Text>}
        {preview.isError && (
          <Text c="red" role="alert">
            {errorMessage(t, preview.error)}
          </Text>
        )}
        {data && !run.data && (
          <Stack gap="xs">
            <Alert
              color={data.canImport ? 'blue' : 'red'}
              title={data.canImport ? t('iati.import.ready') : t('iati.import.cannot')}
            >
              {t('iati.import.summary', {
                version: data.version ?? '?',
                activities: data.activities.length,
                create: data.activities.filter((a) => a.action === 'create').length,
                update: data.activities.filter((a) => a.action === 'update').length,
              })}
            </Alert>
            <ProblemsTable problems={[...data.fileErrors, ...data.fileWarnings]} />
            {data.activities.map((a) => (
              <Card key={a.path} withBorder padding="sm">
                <Stack gap={6}>
                  <Group gap="xs">
                    <Badge color={a.action === 'create' ? 'green' : 'blue'} variant="light">
                      {t(`iati.import.actions.${a.action}`)}
                    </Badge>
                    <Text fw={600} dir="auto">
                      {pickLocalized(a.title, locale)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" dir="ltr">
                    {a.identifier} → {a.code}
                    {a.projectId && (
                      <>
                        {' '}
                        (
                        <Anchor component={Link} to={`/projects/${a.projectId}`} size="xs">
                          {t('iati.import.existing')}
                        </Anchor>
                        )
                      </>
                    )}
                  </Text>
                  <Text size="sm">
                    {t('iati.import.contents', {
                      countries: a.countries.map((c) => countryName(c, locale)).join(', ') || '—',
                      sectors: a.sectors.join(', ') || '—',
                      budgets: a.budgets,
                      transactions: a.transactions,
                      results: a.results,
                    })}
                  </Text>
                  {a.participants.length > 0 && (
                    <List size="sm">
                      {a.participants.map((p, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: participants may repeat
                        <List.Item key={i}>
                          <span dir="auto">{p.name}</span> {p.ref && <span dir="ltr">({p.ref})</span>} —{' '}
                          {t(`iati.roles.${p.role}`)}: {t(`iati.import.match.${p.match}`)}
                        </List.Item>
                      ))}
                    </List>
                  )}
                  <ProblemsTable problems={[...a.errors, ...a.warnings]} />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button
                disabled={!data.canImport || !file}
                loading={run.isPending}
                onClick={() => file && run.mutate({ file, preview: data })}
              >
                {t('iati.import.run', { count: data.activities.length })}
              </Button>
            </Group>
            {stale && (
              <Alert color="orange" title={t('iati.import.staleTitle')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('iati.import.stale')}</Text>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      if (file) {
                        run.reset();
                        preview.mutate(file);
                      }
                    }}
                  >
                    {t('iati.import.previewAgain')}
                  </Button>
                </Stack>
              </Alert>
            )}
            {run.isError && !stale && (
              <Text c="red" role="alert">
                {errorMessage(t, run.error)}
              </Text>
            )}
          </Stack>
        )}
        {run.data && (
          <Alert color="green" title={t('iati.import.doneTitle')}>
            <Stack gap={4}>
              <Text size="sm">
                {t('iati.import.done', {
                  created: run.data.created.length,
                  updated: run.data.updated.length,
                  partners: run.data.partnersCreated,
                  results: run.data.results,
                })}
              </Text>
              <List size="sm">
                {[...run.data.created, ...run.data.updated].map((p) => (
                  <List.Item key={p.projectId}>
                    <Anchor component={Link} to={`/projects/${p.projectId}`} dir="ltr">
                      {p.identifier}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** /projects/iati: publisher settings, export (check, problems, download) and import (upload, preview, import). */
export function IatiPage() {
  const { t } = useTranslation();
  const publisher = usePublisher();
  const abilities = publisher.data?.abilities;
  return (
    <Stack>
      <PageHeader
        title={t('iati.title')}
        subtitle={t('iati.subtitle')}
        actions={
          <Anchor component={Link} to="/projects">
            {t('iati.backToProjects')}
          </Anchor>
        }
      />
      <PublisherCard />
      {abilities?.export && <ExportCard />}
      {abilities?.import && <ImportCard />}
    </Stack>
  );
}
