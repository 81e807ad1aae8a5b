import { Anchor, Badge, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RESOURCE_KINDS, type TResource } from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useResources, useSaveResource } from './api';
import { languageName, languageOptions } from './languages';

const FILTER_KEYS = ['q', 'kind', 'language'] as const;

function NewResourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveResource(undefined);
  const [kind, setKind] = useState<string>('curriculum');
  const [title, setTitle] = useState<Record<string, string>>({});
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');

  function submit() {
    save.mutate(
      {
        data: {
          kind: kind as TResource['kind'],
          title,
          subject,
          description,
          tags: [],
        },
      },
      {
        onSuccess: (r) => {
          onClose();
          void navigate(`/library/resources/${r.id}`);
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('library.resources.new')} size="lg">
      <Stack>
        <Select
          label={t('library.resources.kind')}
          data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'curriculum')}
          allowDeselect={false}
        />
        <LocalizedTextEditor
          legend={t('library.resources.title')}
          value={title}
          onChange={setTitle}
          required={['en']}
        />
        <TextInput
          label={t('library.subject')}
          description={t('library.subjectHint')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Textarea
          label={t('library.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={!Object.values(title).some((v) => v.trim())}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ResourcesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS);
  const [q, setQ] = useState(values.q);
  const setQDebounced = useDebouncedCallback((v: string) => update({ q: v }), 300);
  const [creating, setCreating] = useState(false);
  const list = useResources({
    q: values.q,
    kind: values.kind,
    language: values.language,
    page,
    pageSize,
  });

  const columns: Column<TResource>[] = [
    {
      key: 'title',
      header: t('library.resources.title'),
      render: (r) => (
        <Anchor component={Link} to={`/library/resources/${r.id}`} fw={500}>
          {pickLocalized(r.title, locale)}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('library.resources.kind'), render: (r) => t(`library.kinds.${r.kind}`) },
    { key: 'subject', header: t('library.subject'), render: (r) => r.subject },
    {
      key: 'version',
      header: t('library.resources.latestVersion'),
      noWrap: true,
      render: (r) => r.latestVersion ?? '—',
    },
    {
      key: 'languages',
      header: t('library.resources.languages'),
      render: (r) => (
        <Group gap={4}>
          {r.languages.map((l) => (
            <Badge key={l} variant="light" title={languageName(l, locale)}>
              {l}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      noWrap: true,
      render: (r) => formatDate(r.updatedAt, locale),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('library.resources.heading')}
        subtitle={t('library.resources.subtitle')}
        actions={
          <>
            <Button variant="default" component={Link} to="/library/glossaries">
              {t('library.glossaries.heading')}
            </Button>
            {can(Permission.ResourceWrite) && (
              <Button onClick={() => setCreating(true)}>{t('library.resources.new')}</Button>
            )}
          </>
        }
      />
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setQDebounced(e.currentTarget.value);
          }}
        />
        <Select
          label={t('library.resources.kind')}
          clearable
          data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }))}
          value={values.kind || null}
          onChange={(v) => update({ kind: v })}
        />
        <Select
          label={t('library.language')}
          clearable
          searchable
          data={languageOptions(locale)}
          value={values.language || null}
          onChange={(v) => update({ language: v })}
        />
      </Group>
      <DataTable
        label={t('library.resources.heading')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(r) => r.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s, page: 1 })}
        empty={t('library.resources.empty')}
      />
      <NewResourceModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
