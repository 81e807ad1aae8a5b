import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHOWCASE_FIGURES,
  SHOWCASE_SECTIONS,
  type ShowcaseFigure,
  type ShowcaseSection,
  type TShowcaseInput,
  type TShowcaseItem,
  ZShowcaseInput,
} from '../../../contracts/showcase.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { compactLocalized, LocalizedTextEditor } from '../../components/localized-text-editor';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, serverFieldErrors, zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { ProjectStatusBadge } from '../projects/project-labels';
import {
  type ShowcaseItemKind,
  useSaveShowcaseSettings,
  useSetShowcaseItemPublic,
  useShowcaseItems,
  useShowcaseSettings,
} from './api';

/** Signed in, ShowcaseManage: /admin/showcase — what the college shows on its public page. */
export function ShowcaseSettingsPage() {
  const { t } = useTranslation();
  const settings = useShowcaseSettings();
  const save = useSaveShowcaseSettings();
  const [form, setForm] = useState<TShowcaseInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const data = settings.data;
  useEffect(() => {
    if (data) {
      setForm({
        enabled: data.enabled,
        slug: data.slug,
        names: data.names,
        intro: data.intro,
        sections: data.sections,
        figures: data.figures,
        contactEmail: data.contactEmail,
      });
    }
  }, [data]);

  if (settings.isPending) {
    return <FullPageLoader />;
  }
  if (settings.isError || !data) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!form) {
    return <FullPageLoader />;
  }

  const set = <K extends keyof TShowcaseInput>(key: K, value: TShowcaseInput[K]) =>
    setForm({ ...form, [key]: value });

  function submit() {
    if (!form || !data) {
      return;
    }
    const body = { ...form, names: compactLocalized(form.names), intro: compactLocalized(form.intro) };
    const found = zodValidator(ZShowcaseInput, t)(body);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    save.mutate(
      { version: data.version, data: body },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('showcase.settings.saved') }),
        onError: (e) => setErrors(serverFieldErrors(t, e) ?? {}),
      },
    );
  }

  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const saved = data.version > 0;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('showcase.settings.title')}
        subtitle={t('showcase.settings.subtitle')}
        actions={
          saved && data.enabled ? (
            <Button component="a" href={data.path} target="_blank" rel="noopener" variant="light">
              {t('showcase.settings.view')}
            </Button>
          ) : undefined
        }
      />
      {conflict && (
        <VersionConflictAlert
          onReload={() => {
            save.reset();
            void settings.refetch();
          }}
        />
      )}
      {save.isError && !conflict && !serverFieldErrors(t, save.error) && (
        <Alert color="red" role="alert">
          {errorMessage(t, save.error)}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Switch
            checked={form.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
            label={t('showcase.settings.enabled')}
            description={t('showcase.settings.enabledHint')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('showcase.settings.slug')}
              description={t('showcase.settings.slugHint', { path: `/showcase/${form.slug || '…'}` })}
              value={form.slug}
              onChange={(e) => set('slug', e.currentTarget.value.toLowerCase())}
              error={errors.slug}
              required
              dir="ltr"
            />
            <TextInput
              label={t('showcase.settings.contactEmail')}
              description={t('showcase.settings.contactEmailHint')}
              type="email"
              value={form.contactEmail}
              onChange={(e) => set('contactEmail', e.currentTarget.value)}
              error={errors.contactEmail}
              dir="ltr"
            />
          </SimpleGrid>
          <LocalizedTextEditor
            legend={t('showcase.settings.names', { name: data.organizationName })}
            value={form.names}
            onChange={(v) => set('names', v)}
          />
          <LocalizedTextEditor
            legend={t('showcase.settings.intro')}
            value={form.intro}
            onChange={(v) => set('intro', v)}
            multiline
          />
          <Checkbox.Group
            label={t('showcase.settings.sections')}
            description={t('showcase.settings.sectionsHint')}
            value={form.sections}
            onChange={(v) =>
              set('sections', SHOWCASE_SECTIONS.filter((s) => v.includes(s)) as ShowcaseSection[])
            }
          >
            <Group mt="xs">
              {SHOWCASE_SECTIONS.map((s) => (
                <Checkbox key={s} value={s} label={t(`showcase.sections.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('showcase.settings.figures')}
            description={t('showcase.settings.figuresHint')}
            value={form.figures}
            onChange={(v) =>
              set('figures', SHOWCASE_FIGURES.filter((f) => v.includes(f)) as ShowcaseFigure[])
            }
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {SHOWCASE_FIGURES.map((f) => (
                <Checkbox
                  key={f}
                  value={f}
                  label={t(`showcase.figures.${f}`)}
                  description={t(`showcase.figureHints.${f}`)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group>
            <Button onClick={submit} loading={save.isPending}>
              {t('common.save')}
            </Button>
            {saved && (
              <Anchor href={data.path} target="_blank" rel="noopener" size="sm">
                {data.path}
              </Anchor>
            )}
          </Group>
        </Stack>
      </Paper>
      <PublicItems kind="projects" count={data.counts.publicProjects} />
      <PublicItems kind="resources" count={data.counts.publicResources} />
    </Stack>
  );
}

/** Projects or library resources with their "shown publicly" switch. */
function PublicItems({ kind, count }: { kind: ShowcaseItemKind; count: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const items = useShowcaseItems(kind);
  const toggle = useSetShowcaseItemPublic(kind);
  function flip(item: TShowcaseItem, value: boolean) {
    toggle.mutate(
      { id: item.id, public: value, version: item.version },
      {
        onError: (e) => {
          notifications.show({ color: 'red', message: errorMessage(t, e) });
          void items.refetch();
        },
      },
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`showcase-${kind}`}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id={`showcase-${kind}`}>
          {t(`showcase.settings.${kind}`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t('showcase.settings.publicCount', { count })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`showcase.settings.${kind}Hint`)}
      </Text>
      {items.isError && <ErrorState error={items.error} onRetry={() => void items.refetch()} />}
      {items.data && items.data.data.length === 0 && (
        <Text c="dimmed">{t(`showcase.settings.${kind}Empty`)}</Text>
      )}
      {items.data && items.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {kind === 'projects' ? t('projects.code') : t('showcase.resource.kind')}
                </Table.Th>
                <Table.Th scope="col">{t('showcase.resource.title')}</Table.Th>
                {kind === 'projects' && <Table.Th scope="col">{t('projects.statusLabel')}</Table.Th>}
                <Table.Th scope="col">{t('showcase.settings.shownPublicly')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{kind === 'projects' ? item.code : t(`library.kinds.${item.code}`)}</Table.Td>
                  <Table.Td>{pickLocalized(item.title, locale)}</Table.Td>
                  {kind === 'projects' && (
                    <Table.Td>
                      <ProjectStatusBadge status={item.status} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Switch
                      checked={item.public}
                      disabled={toggle.isPending}
                      onChange={(e) => flip(item, e.currentTarget.checked)}
                      aria-label={t('showcase.settings.shownPubliclyOf', {
                        title: pickLocalized(item.title, locale),
                      })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
