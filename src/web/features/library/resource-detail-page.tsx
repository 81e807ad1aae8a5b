import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  RESOURCE_FILE_EXTENSIONS,
  RESOURCE_FILE_MAX_BYTES,
  type TResource,
} from '../../../contracts/library.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatBytes, formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { PartnerPicker } from '../partners/partner-picker';
import {
  resourceFileUrl,
  useCreateVersion,
  useDeleteResource,
  useDeleteResourceFile,
  useResource,
  useShareResource,
  useUploadResourceFile,
} from './api';
import { ConfirmDeleteModal, ResourceDetailsModal } from './details-modals';
import { languageName, languageOptions } from './languages';

const ACCEPT = RESOURCE_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

function NewVersionModal({
  resource,
  opened,
  onClose,
}: {
  resource: TResource;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateVersion(resource.id);
  const [label, setLabel] = useState('');
  const [changelog, setChangelog] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  function submit() {
    create.mutate(
      { label, changelog, publishedOn: publishedOn || null },
      {
        onSuccess: () => {
          setLabel('');
          setChangelog('');
          onClose();
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('library.versions.new')}>
      <Stack>
        <TextInput
          label={t('library.versions.label')}
          description={t('library.versions.labelHint')}
          required
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <Textarea
          label={t('library.versions.changelog')}
          value={changelog}
          onChange={(e) => setChangelog(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <TextInput
          type="date"
          label={t('library.versions.publishedOn')}
          value={publishedOn}
          onChange={(e) => setPublishedOn(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!label.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ShareModal({
  resource,
  opened,
  onClose,
}: {
  resource: TResource;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const share = useShareResource(resource.id);
  const [chosen, setChosen] = useState<string[]>([]);
  async function submit() {
    try {
      for (const partnerId of chosen) {
        await share.mutateAsync({ partnerId, share: true });
      }
      setChosen([]);
      onClose();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('library.shares.dialogTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('library.shares.explain')}
        </Text>
        <PartnerPicker
          label={t('library.shares.partners')}
          value={chosen}
          onChange={(ids) => setChosen(ids)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={share.isPending} disabled={chosen.length === 0}>
            {t('library.shares.share')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Versions (rows) × languages (columns): each cell downloads a file, or offers an upload. */
function VersionMatrix({ resource }: { resource: TResource }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadResourceFile(resource.id);
  const remove = useDeleteResourceFile(resource.id);
  const [extraLanguage, setExtraLanguage] = useState<string | null>(null);
  const languages = [...new Set([...resource.languages, ...(extraLanguage ? [extraLanguage] : [])])];
  const canEdit = resource.abilities.update;

  function send(versionId: string, language: string, file: File | null) {
    if (!file) {
      return;
    }
    if (file.size > RESOURCE_FILE_MAX_BYTES) {
      notifications.show({ color: 'red', message: t('library.files.tooLarge') });
      return;
    }
    upload.mutate(
      { versionId, language, file },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('library.files.uploaded') }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  }

  if (resource.versions.length === 0) {
    return <Text c="dimmed">{t('library.versions.none')}</Text>;
  }
  return (
    <Stack>
      {canEdit && (
        <Group align="flex-end">
          <Select
            label={t('library.files.addLanguage')}
            searchable
            data={languageOptions(locale).filter((o) => !languages.includes(o.value))}
            value={null}
            onChange={setExtraLanguage}
            w={260}
          />
        </Group>
      )}
      <Table.ScrollContainer minWidth={400}>
        <Table withTableBorder withColumnBorders aria-label={t('library.versions.matrix')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library.versions.label')}</Table.Th>
              {languages.map((l) => (
                <Table.Th key={l}>
                  {languageName(l, locale)}{' '}
                  <Text span c="dimmed" size="xs">
                    ({l})
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {resource.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Text fw={500}>{v.label}</Text>
                  {v.publishedOn && (
                    <Text size="xs" c="dimmed">
                      {t('library.versions.published', { date: formatDate(v.publishedOn, locale) })}
                    </Text>
                  )}
                  {v.changelog && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {v.changelog}
                    </Text>
                  )}
                </Table.Td>
                {languages.map((l) => {
                  const file = v.files.find((f) => f.language === l);
                  return (
                    <Table.Td key={l}>
                      {file ? (
                        <Group gap={4} wrap="nowrap">
                          <Anchor
                            href={resourceFileUrl(resource.id, file.id)}
                            download={file.fileName}
                            size="sm"
                          >
                            {file.fileName}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {formatBytes(file.sizeBytes, locale)}
                          </Text>
                          {canEdit && (
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('library.files.remove', { name: file.fileName })}
                              onClick={() =>
                                remove.mutate(file.id, {
                                  onError: (e) =>
                                    notifications.show({ color: 'red', message: errorMessage(t, e) }),
                                })
                              }
                            >
                              ×
                            </ActionIcon>
                          )}
                        </Group>
                      ) : canEdit ? (
                        <FileButton onChange={(f) => send(v.id, l, f)} accept={ACCEPT}>
                          {(props) => (
                            <Button {...props} size="xs" variant="light" loading={upload.isPending}>
                              {t('library.files.upload')}
                            </Button>
                          )}
                        </FileButton>
                      ) : (
                        <Text c="dimmed">—</Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && (
        <Text size="xs" c="dimmed">
          {t('library.files.accepted', { types: RESOURCE_FILE_EXTENSIONS.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

function SharesCard({ resource }: { resource: TResource }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const share = useShareResource(resource.id);
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('library.shares.heading')}
        </Title>
        <Button size="xs" onClick={() => setOpen(true)}>
          {t('library.shares.add')}
        </Button>
      </Group>
      {resource.shares.length === 0 ? (
        <Text c="dimmed">{t('library.shares.none')}</Text>
      ) : (
        <Stack gap="xs">
          {resource.shares.map((s) => (
            <Group key={s.partnerId} justify="space-between">
              <Text>
                {pickLocalized(s.names, locale)}{' '}
                <Text span size="xs" c="dimmed">
                  {t('library.shares.since', { date: formatDate(s.sharedAt, locale) })}
                </Text>
              </Text>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() =>
                  share.mutate(
                    { partnerId: s.partnerId, share: false },
                    { onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }) },
                  )
                }
              >
                {t('library.shares.unshare')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <ShareModal resource={resource} opened={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

export function ResourceDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const resource = useResource(id);
  const remove = useDeleteResource();
  const [newVersion, setNewVersion] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (resource.isPending) {
    return <FullPageLoader />;
  }
  if (resource.error) {
    return <ErrorState error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  const r = resource.data;
  return (
    <Stack>
      <PageHeader
        title={pickLocalized(r.title, locale)}
        subtitle={
          <Group gap="xs">
            <Badge variant="light">{t(`library.kinds.${r.kind}`)}</Badge>
            {r.subject && <Text c="dimmed">{r.subject}</Text>}
          </Group>
        }
        actions={
          r.abilities.update && (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('library.manage.editDetails')}
              </Button>
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                {t('library.manage.delete')}
              </Button>
              <Button onClick={() => setNewVersion(true)}>{t('library.versions.new')}</Button>
            </>
          )
        }
      />
      {r.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('library.versions.heading')}
        </Title>
        <VersionMatrix resource={r} />
      </Card>
      {r.abilities.share && <SharesCard resource={r} />}
      <NewVersionModal resource={r} opened={newVersion} onClose={() => setNewVersion(false)} />
      {editing && (
        <ResourceDetailsModal
          key={r.version}
          opened
          resource={r}
          onReload={() => void resource.refetch()}
          onClose={() => setEditing(false)}
        />
      )}
      {deleting && (
        <ConfirmDeleteModal
          title={t('library.manage.deleteResourceTitle')}
          message={t('library.manage.deleteResourceConfirm', { name: pickLocalized(r.title, locale) })}
          loading={remove.isPending}
          error={remove.error}
          onReload={() => {
            remove.reset();
            setDeleting(false);
            void resource.refetch();
          }}
          onConfirm={() =>
            remove.mutate(r, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('library.manage.deleted') });
                void navigate('/library');
              },
            })
          }
          onClose={() => {
            remove.reset();
            setDeleting(false);
          }}
        />
      )}
    </Stack>
  );
}
