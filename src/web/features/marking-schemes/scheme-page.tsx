import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { TSchemeVersion, TSchemeVersionSummary } from '../../../contracts/marking-schemes.js';
import { FullPageLoader } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { schemeExportUrl, useCreateScheme, useSchemeTeams, useSchemeVersion, useSchemeVersions } from './api';
import { SchemeEditor } from './scheme-editor';
import { SchemeTree } from './scheme-tree';
import { DeleteDraftModal, LockModal, StateError, UnlockModal } from './state-modals';
import { ValidationPanel } from './validation-panel';

export const STATUS_COLORS = { draft: 'gray', locked: 'green', superseded: 'dark' } as const;

export function skillPath(competitionId: string, skillId: string): string {
  return `/competitions/${encodeURIComponent(competitionId)}/skills/${encodeURIComponent(skillId)}`;
}

type Dialog = 'lock' | 'unlock' | 'delete' | null;

function VersionPanel({
  skillId,
  competitionId,
  version,
  onReload,
  onDeleted,
}: {
  skillId: string;
  competitionId: string;
  version: TSchemeVersion;
  onReload: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  // The entry count for the lock dialog comes from the teams view of the version (entries marked).
  const teams = useSchemeTeams(skillId, dialog === 'lock' ? version.id : null);
  const tab = params.get('tab') ?? 'scheme';
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', value ?? 'scheme');
        return next;
      },
      { replace: true },
    );
  const ref = { id: version.id, version: version.version, versionNo: version.versionNo };

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {t('markingSchemes.versionNo', { n: version.versionNo })}
              </Title>
              <Badge color={STATUS_COLORS[version.status]}>
                {t(`markingSchemes.status.${version.status}`)}
              </Badge>
              {version.hasMarks && <Badge variant="outline">{t('markingSchemes.hasMarks')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`markingSchemes.source.${version.source}`)}
              {version.sourceFileName && ` · ${version.sourceFileName}`}
              {version.lockedAt &&
                ` · ${t('markingSchemes.lockedAt', { at: formatDateTime(version.lockedAt, locale) })}`}
              {version.status === 'locked' &&
                ` · ${t('markingSchemes.formCount', { count: version.formCount })}`}
            </Text>
            {version.lockReason && (
              <Text size="sm">
                {t('markingSchemes.lastUnlockReason')}: <span dir="auto">{version.lockReason}</span>
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <Button component="a" variant="default" href={schemeExportUrl(skillId, version.id)} download>
              {t('markingSchemes.export')}
            </Button>
            <Button
              component={Link}
              variant="default"
              to={`${skillPath(competitionId, skillId)}/teams?v=${version.id}`}
            >
              {t('markingSchemes.teamsLink')}
            </Button>
            {version.abilities.lock && (
              <Button onClick={() => setDialog('lock')}>{t('markingSchemes.lock.action')}</Button>
            )}
            {version.status === 'draft' && !version.abilities.lock && version.abilities.edit && (
              <Text size="sm" c="dimmed">
                {version.validation.valid
                  ? t('markingSchemes.lock.supervisorOnly')
                  : t('markingSchemes.lock.fixFirst')}
              </Text>
            )}
            {version.abilities.unlock && (
              <Button color="orange" variant="light" onClick={() => setDialog('unlock')}>
                {t('markingSchemes.unlock.action')}
              </Button>
            )}
            {version.abilities.delete && (
              <Button color="red" variant="subtle" onClick={() => setDialog('delete')}>
                {t('markingSchemes.delete.action')}
              </Button>
            )}
          </Group>
        </Group>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="scheme">{t('markingSchemes.tabs.scheme')}</Tabs.Tab>
            <Tabs.Tab value="validation">
              {t('markingSchemes.tabs.validation')}{' '}
              <Badge size="xs" color={version.validation.valid ? 'green' : 'red'} variant="light">
                {version.validation.valid
                  ? '✓'
                  : version.validation.problems.filter((p) => p.severity === 'error').length}
              </Badge>
            </Tabs.Tab>
            {version.abilities.edit && <Tabs.Tab value="edit">{t('markingSchemes.tabs.edit')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="scheme" pt="md">
            <SchemeTree scheme={version.scheme} summary={version.validation.summary} />
          </Tabs.Panel>
          <Tabs.Panel value="validation" pt="md">
            <ValidationPanel
              validation={version.validation}
              sectionTolerance={version.settings.sectionTolerance}
            />
          </Tabs.Panel>
          {version.abilities.edit && (
            <Tabs.Panel value="edit" pt="md">
              <SchemeEditor
                key={`${version.id}-${version.version}`}
                skillId={skillId}
                version={version}
                onReload={onReload}
              />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
      {dialog === 'lock' && (
        <LockModal
          skillId={skillId}
          target={{ ...ref, subCriteria: version.scheme.subCriteria.length }}
          entryCount={teams.data ? teams.data.entries.length : null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'unlock' && <UnlockModal skillId={skillId} target={ref} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <DeleteDraftModal
          skillId={skillId}
          target={ref}
          onClose={() => setDialog(null)}
          onDeleted={onDeleted}
        />
      )}
    </Card>
  );
}

/** /competitions/:competitionId/skills/:skillId/scheme — versions, the scheme, its validation, the editor. */
export function SchemePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { competitionId = '', skillId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const list = useSchemeVersions(skillId);
  const selectedId = params.get('v') ?? list.data?.data[0]?.id ?? null;
  const version = useSchemeVersion(skillId, selectedId);
  const create = useCreateScheme(skillId);
  const select = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) {
          next.set('v', id);
        } else {
          next.delete('v');
        }
        next.delete('tab');
        return next;
      },
      { replace: true },
    );

  if (list.isPending) {
    return <FullPageLoader />;
  }
  if (list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  }
  const { skill, data, abilities } = list.data;
  const base = skillPath(competitionId, skillId);

  const columns: Column<TSchemeVersionSummary>[] = [
    {
      key: 'version',
      header: t('markingSchemes.version'),
      noWrap: true,
      render: (v) => (
        <UnstyledButton
          onClick={() => select(v.id)}
          fw={v.id === selectedId ? 700 : 400}
          c="blue"
          aria-current={v.id === selectedId ? 'true' : undefined}
        >
          {t('markingSchemes.versionNo', { n: v.versionNo })}
        </UnstyledButton>
      ),
    },
    {
      key: 'status',
      header: t('markingSchemes.statusLabel'),
      render: (v) => <Badge color={STATUS_COLORS[v.status]}>{t(`markingSchemes.status.${v.status}`)}</Badge>,
    },
    {
      key: 'source',
      header: t('markingSchemes.sourceLabel'),
      render: (v) => t(`markingSchemes.source.${v.source}`),
    },
    {
      key: 'total',
      header: t('markingSchemes.validation.total'),
      noWrap: true,
      render: (v) => (
        <Group gap={4}>
          <span dir="ltr">{v.total}</span>
          <Badge size="xs" color={v.valid ? 'green' : 'red'} variant="light">
            {v.valid ? t('markingSchemes.validShort') : t('markingSchemes.invalidShort')}
          </Badge>
        </Group>
      ),
    },
    {
      key: 'updated',
      header: t('common.updatedAt'),
      noWrap: true,
      render: (v) => formatDateTime(v.updatedAt, locale),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('markingSchemes.title')}
        subtitle={
          <Anchor component={Link} to={base}>
            {skill.number} {pickLocalized(skill.names, locale)}
          </Anchor>
        }
        actions={
          <>
            {abilities.create && (
              <Menu>
                <Menu.Target>
                  <Button loading={create.isPending}>{t('markingSchemes.newDraft')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    onClick={() => create.mutate({ from: 'empty' }, { onSuccess: (v) => select(v.id) })}
                  >
                    {t('markingSchemes.newEmpty')}
                  </Menu.Item>
                  {data.length > 0 && (
                    <Menu.Item
                      onClick={() => create.mutate({ from: 'copy' }, { onSuccess: (v) => select(v.id) })}
                    >
                      {t('markingSchemes.newCopy', { n: data[0]?.versionNo ?? 0 })}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
            {abilities.import && (
              <Button component={Link} variant="light" to={`${base}/scheme/import`}>
                {t('markingSchemes.import.action')}
              </Button>
            )}
            <Button component={Link} variant="default" to={`${base}/teams`}>
              {t('markingSchemes.teamsLink')}
            </Button>
          </>
        }
      />
      {create.error && <StateError error={create.error} />}
      <DataTable
        label={t('markingSchemes.versions')}
        testId="scheme-versions"
        columns={columns}
        rows={data}
        rowKey={(v) => v.id}
        empty={t('markingSchemes.noVersions')}
      />
      {selectedId &&
        (version.isPending ? (
          <FullPageLoader />
        ) : version.error ? (
          <ErrorState error={version.error} onRetry={() => void version.refetch()} />
        ) : (
          <VersionPanel
            skillId={skillId}
            competitionId={competitionId}
            version={version.data}
            onReload={() => void version.refetch()}
            onDeleted={() => {
              select(null);
              void navigate(`${base}/scheme`, { replace: true });
            }}
          />
        ))}
    </Stack>
  );
}
