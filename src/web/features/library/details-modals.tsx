import { Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  RESOURCE_KINDS,
  type TGlossary,
  type TGlossaryInput,
  type TResource,
} from '../../../contracts/library.js';
import { ErrorState } from '../../components/error-state';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useSaveGlossary, useSaveResource } from './api';
import { languageOptions } from './languages';

const isConflict = (e: unknown) => e instanceof ApiError && e.code === 'VERSION_CONFLICT';

/**
 * The frame of both details dialogs: saves with the record's version (a new record opens on its
 * own page; a 409 shows the conflict alert, anything else a notification), then closes.
 */
function DetailsModal<TSaved extends { id: string }, TData>({
  opened,
  onClose,
  title,
  save,
  version,
  data,
  createdPath,
  canSave,
  onReload,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  save: UseMutationResult<TSaved, Error, { version?: number; data: TData }>;
  /** The edited record's version; undefined when creating. */
  version: number | undefined;
  data: () => TData;
  createdPath: (saved: TSaved) => string;
  canSave: boolean;
  onReload?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const conflict = isConflict(save.error);

  function submit() {
    save.mutate(
      { version, data: data() },
      {
        onSuccess: (saved) => {
          onClose();
          if (version === undefined) {
            void navigate(createdPath(saved));
          }
        },
        onError: (e) => {
          if (!isConflict(e)) {
            notifications.show({ color: 'red', message: errorMessage(t, e) });
          }
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {conflict && (
          <VersionConflictAlert
            onReload={() => {
              save.reset();
              onReload?.();
            }}
          />
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!canSave}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Creates a resource, or with `resource` edits its details (sent with its version; a 409 shows the
 * conflict alert and `onReload` fetches the latest, which remounts the dialog with it).
 */
export function ResourceDetailsModal({
  opened,
  onClose,
  resource,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  resource?: TResource;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveResource(resource?.id);
  const [kind, setKind] = useState<string>(resource?.kind ?? 'curriculum');
  const [title, setTitle] = useState<Record<string, string>>(resource?.title ?? {});
  const [subject, setSubject] = useState(resource?.subject ?? '');
  const [description, setDescription] = useState(resource?.description ?? '');

  return (
    <DetailsModal
      opened={opened}
      onClose={onClose}
      title={resource ? t('library.manage.editDetails') : t('library.resources.new')}
      save={save}
      version={resource?.version}
      data={() => ({
        kind: kind as TResource['kind'],
        title,
        subject,
        description,
        tags: resource?.tags ?? [],
      })}
      createdPath={(r) => `/library/resources/${r.id}`}
      canSave={Object.values(title).some((v) => v.trim())}
      onReload={onReload}
    >
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
    </DetailsModal>
  );
}

/** Creates a glossary, or with `glossary` edits its details (version and 409 as for resources). */
export function GlossaryDetailsModal({
  opened,
  onClose,
  glossary,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  glossary?: TGlossary;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveGlossary(glossary?.id);
  const [name, setName] = useState<Record<string, string>>(glossary?.name ?? {});
  const [subject, setSubject] = useState(glossary?.subject ?? '');
  const [languages, setLanguages] = useState<string[]>(glossary?.languages ?? ['en', 'zh-CN', 'fr', 'ar']);
  return (
    <DetailsModal
      opened={opened}
      onClose={onClose}
      title={glossary ? t('library.manage.editDetails') : t('library.glossaries.new')}
      save={save}
      version={glossary?.version}
      data={() => ({
        name,
        subject,
        description: glossary?.description ?? '',
        languages: languages as TGlossaryInput['languages'],
      })}
      createdPath={(g) => `/library/glossaries/${g.id}`}
      canSave={Object.values(name).some((v) => v.trim()) && languages.length > 0}
      onReload={onReload}
    >
      <LocalizedTextEditor
        legend={t('library.glossaries.name')}
        value={name}
        onChange={setName}
        required={['en']}
      />
      <TextInput
        label={t('library.subject')}
        description={t('library.subjectHint')}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
      />
      <MultiSelect
        label={t('library.glossaries.languages')}
        searchable
        data={languageOptions(locale)}
        value={languages}
        onChange={setLanguages}
      />
    </DetailsModal>
  );
}

/** Asks before deleting; a 409 (someone changed it meanwhile) shows the conflict alert. */
export function ConfirmDeleteModal({
  title,
  message,
  loading,
  error,
  onConfirm,
  onReload,
  onClose,
}: {
  title: string;
  message: string;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onReload?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text>{message}</Text>
        {isConflict(error) ? (
          <VersionConflictAlert onReload={() => (onReload ? onReload() : onClose())} />
        ) : (
          Boolean(error) && <ErrorState error={error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={onConfirm}>
            {t('library.manage.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
