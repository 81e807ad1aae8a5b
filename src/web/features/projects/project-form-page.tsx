import { Card, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  BASE_LOCATIONS,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type TProjectInput,
  ZProjectInput,
} from '../../../contracts/projects.js';
import { Permission } from '../../../contracts/roles.js';
import { projectInputIssues } from '../../../domain/projects/project-rules.js';
import { useCan } from '../../app/session';
import { DateField } from '../../components/date-field';
import { EditFormPage, FormActions, useEditForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { pathKey, validationMessage } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useAgreements } from '../agreements/api';
import { useActiveUsers, useProject, useProjects, useSaveProject } from './api';
import { BudgetsEditor, ParticipantsEditor, SharesEditor, TransactionsEditor } from './project-editors';
import {
  emptyProjectValues,
  type ProjectFormValues,
  projectToValues,
  projectValuesToInput,
} from './project-form-values';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Module codes (`percentages_must_total_100`) first, then the shared validation messages. */
function issueText(t: Translate, message: string, code?: string, extra?: object): string {
  const key = `projects.validation.${message}`;
  return /^[a-z0-9_]+$/.test(message) && i18n.exists(key)
    ? t(key)
    : validationMessage(t, message, code, extra);
}

/** Amounts are typed as text; their errors belong on the text field, not on `valueMinor`. */
function formKey(path: ReadonlyArray<PropertyKey>): string {
  return pathKey(path).replace(/^(budgets|transactions)\.(\d+)\.valueMinor$/, '$1.$2.amount');
}

function validate(t: Translate, values: ProjectFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = ZProjectInput.safeParse(projectValuesToInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = formKey(issue.path);
      const amount = /\.amount$/.test(key);
      errors[key] ??= amount
        ? t('projects.validation.amount_format')
        : issueText(t, issue.message, issue.code, issue);
    }
    return errors;
  }
  for (const issue of projectInputIssues(parsed.data)) {
    errors[formKey(issue.path)] ??= issueText(t, issue.message);
  }
  return errors;
}

function serverErrors(t: Translate, error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) {
    return null;
  }
  const errors: Record<string, string> = {};
  for (const raw of error.details.issues as { path?: PropertyKey[]; message?: string }[]) {
    errors[formKey(raw.path ?? [])] ??= issueText(t, raw.message ?? '');
  }
  return errors;
}

export function ProjectFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const projects = useProjects({ page: 1, pageSize: 200, sort: 'title' });
  const agreements = useAgreements({ page: 1, pageSize: 200, sort: 'title' }, can(Permission.AgreementRead));
  const users = useActiveUsers(can(Permission.UserRead));
  const form = useForm<ProjectFormValues>({
    initialValues: emptyProjectValues(params.get('parentId')),
    validate: (values) => validate(t, values),
  });
  const editor = useEditForm({
    id,
    form,
    existing: useProject(id),
    save: useSaveProject(id),
    toValues: projectToValues,
    toData: (values) => ZProjectInput.parse(projectValuesToInput(values)) as TProjectInput,
    savedMessage: t('projects.saved'),
    savedPath: (p) => `/projects/${p.id}`,
    fieldErrors: (e) => serverErrors(t, e),
  });
  const { loaded, save, submit } = editor;

  const v = form.getValues();
  const parentOptions = (projects.data?.data ?? [])
    .filter((p) => p.id !== id)
    .map((p) => ({ value: p.id, label: `${p.code} — ${pickLocalized(p.title, locale)}` }));
  const agreementOptions = [
    ...(agreements.data?.data ?? []).map((a) => ({ value: a.id, label: pickLocalized(a.title, locale) })),
    ...(loaded?.agreements ?? [])
      .filter((a) => !(agreements.data?.data ?? []).some((x) => x.id === a.id))
      .map((a) => ({ value: a.id, label: pickLocalized(a.title, locale) })),
  ];
  const userOptions = can(Permission.UserRead)
    ? (users.data?.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))
    : loaded?.responsible
      ? [{ value: loaded.responsible.id, label: loaded.responsible.displayName }]
      : [];
  const knownPartners = (loaded?.participants ?? [])
    .filter((p) => p.partnerId)
    .map((p) => ({ id: p.partnerId ?? '', names: p.names ?? {}, country: p.country ?? undefined }));

  return (
    <EditFormPage
      editor={editor}
      title={(p) =>
        p ? t('projects.editTitle', { title: pickLocalized(p.title, locale) }) : t('projects.new')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <TextInput
                label={t('projects.code')}
                description={t('projects.codeHint')}
                required
                {...form.getInputProps('code')}
              />
              <Select
                label={t('projects.type')}
                required
                allowDeselect={false}
                data={PROJECT_TYPES.map((x) => ({ value: x, label: t(`projects.types.${x}`) }))}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('projects.statusLabel')}
                required
                allowDeselect={false}
                data={PROJECT_STATUSES.map((x) => ({ value: x, label: t(`projects.status.${x}`) }))}
                {...form.getInputProps('status')}
              />
              <Select
                label={t('projects.baseLocation')}
                clearable
                data={BASE_LOCATIONS.map((x) => ({ value: x, label: t(`projects.baseLocations.${x}`) }))}
                value={v.baseLocation || null}
                onChange={(x) => form.setFieldValue('baseLocation', x ?? '')}
              />
              <Select
                label={t('projects.parent')}
                clearable
                searchable
                data={parentOptions}
                value={v.parentId || null}
                onChange={(x) => form.setFieldValue('parentId', x ?? '')}
                error={form.errors.parentId}
              />
              <Select
                label={t('projects.responsible')}
                clearable
                searchable
                data={userOptions}
                value={v.responsibleUserId || null}
                onChange={(x) => form.setFieldValue('responsibleUserId', x ?? '')}
                error={form.errors.responsibleUserId}
              />
            </SimpleGrid>
          </Card>
          <LocalizedTextEditor
            legend={t('projects.titleField')}
            value={v.title}
            onChange={(x) => form.setFieldValue('title', x)}
            error={form.errors.title}
          />
          <LocalizedTextEditor
            legend={t('projects.description')}
            value={v.description}
            onChange={(x) => form.setFieldValue('description', x)}
            multiline
          />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
              <DateField label={t('projects.plannedStart')} {...form.getInputProps('plannedStart')} />
              <DateField label={t('projects.plannedEnd')} {...form.getInputProps('plannedEnd')} />
              <DateField label={t('projects.actualStart')} {...form.getInputProps('actualStart')} />
              <DateField label={t('projects.actualEnd')} {...form.getInputProps('actualEnd')} />
              <TextInput
                label={t('projects.defaultCurrency')}
                maxLength={3}
                {...form.getInputProps('defaultCurrency')}
              />
            </SimpleGrid>
          </Card>
          <ParticipantsEditor form={form} known={knownPartners} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <SharesEditor form={form} field="countries" />
            <SharesEditor form={form} field="sectors" />
          </SimpleGrid>
          {can(Permission.AgreementRead) && (
            <MultiSelect
              label={t('projects.agreements')}
              searchable
              data={agreementOptions}
              value={v.agreementIds}
              onChange={(ids) => form.setFieldValue('agreementIds', ids)}
              error={form.errors.agreementIds}
            />
          )}
          <BudgetsEditor form={form} />
          <TransactionsEditor form={form} />
          <FormActions
            saving={save.isPending}
            onCancel={() => navigate(id ? `/projects/${id}` : '/projects')}
          />
        </Stack>
      </form>
    </EditFormPage>
  );
}
