import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  PROGRAMME_MODULE_KINDS,
  type TProgrammeInput,
  ZProgrammeInput,
} from '../../../contracts/training.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { pickLocalized } from '../../lib/localized';
import { useProgramme, useProjectOptions, useSaveProgramme } from './api';

const EMPTY: TProgrammeInput = {
  projectId: '',
  title: { en: '' },
  description: '',
  modules: [],
  learningOutcomes: [],
  languages: ['en'],
  interpretationNeeds: '',
  completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true },
};

export function ProgrammeFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useProgramme(id);
  const projects = useProjectOptions();
  const save = useSaveProgramme(id);
  const [values, setValues] = useState<TProgrammeInput>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const p = existing.data;
    if (p) {
      setValues({
        projectId: p.projectId,
        title: p.title,
        description: p.description,
        modules: p.modules,
        learningOutcomes: p.learningOutcomes,
        languages: p.languages,
        interpretationNeeds: p.interpretationNeeds,
        completionRule: p.completionRule,
      });
    }
  }, [existing.data]);

  if (id && existing.isPending) {
    return <FullPageLoader />;
  }
  if (id && existing.error) {
    return <ErrorState error={existing.error} />;
  }
  const set = <K extends keyof TProgrammeInput>(key: K, value: TProgrammeInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const rule = values.completionRule;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZProgrammeInput.safeParse(values);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            i.path.join('.'),
            t(`validation.${i.message}`, { defaultValue: t('validation.invalid') }),
          ]),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(
      { version: existing.data?.version, data: parsed.data },
      { onSuccess: (p) => void navigate(`/training/programmes/${p.id}`) },
    );
  }

  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={id ? t('training.programme.edit') : t('training.programme.new')} />
        {conflict && (
          <VersionConflictAlert onReload={() => void existing.refetch().then(() => save.reset())} />
        )}
        {save.error && !conflict && <ErrorState error={save.error} />}
        <Card withBorder>
          <Stack>
            <Select
              label={t('training.programme.project')}
              required
              searchable
              data={(projects.data?.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.code} · ${pickLocalized(p.title, locale)}`,
              }))}
              value={values.projectId || null}
              onChange={(v) => set('projectId', v ?? '')}
              error={errors.projectId}
            />
            <LocalizedTextEditor
              legend={t('training.programme.title')}
              value={values.title}
              onChange={(v) => set('title', v)}
              required={['en']}
              error={errors.title}
            />
            <Textarea
              label={t('training.programme.description')}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <TagsInput
              label={t('training.programme.languages')}
              description={t('training.programme.languagesHint')}
              value={values.languages}
              onChange={(v) => set('languages', v)}
              error={Object.entries(errors).find(([k]) => k.startsWith('languages'))?.[1]}
            />
            <TextInput
              label={t('training.programme.interpretationNeeds')}
              value={values.interpretationNeeds}
              onChange={(e) => set('interpretationNeeds', e.currentTarget.value)}
            />
          </Stack>
        </Card>
        <Fieldset legend={t('training.programme.modules')}>
          <Stack>
            {values.modules.map((m, i) => (
              <Group key={m.id ?? `new-${i}`} align="flex-end" wrap="wrap">
                <Select
                  label={t('training.module.kind')}
                  data={PROGRAMME_MODULE_KINDS.map((k) => ({
                    value: k,
                    label: t(`training.moduleKinds.${k}`),
                  }))}
                  value={m.kind}
                  allowDeselect={false}
                  onChange={(v) =>
                    set(
                      'modules',
                      values.modules.map((x, j) =>
                        j === i ? { ...x, kind: (v ?? 'custom') as typeof m.kind } : x,
                      ),
                    )
                  }
                />
                <TextInput
                  label={t('training.module.title')}
                  value={pickLocalized(m.title, locale)}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    set(
                      'modules',
                      values.modules.map((x, j) =>
                        j === i ? { ...x, title: { ...x.title, [locale]: text } } : x,
                      ),
                    );
                  }}
                  error={errors[`modules.${i}.title`]}
                />
                <NumberInput
                  label={t('training.module.hours')}
                  min={0}
                  max={1000}
                  w={110}
                  value={m.hours}
                  onChange={(v) =>
                    set(
                      'modules',
                      values.modules.map((x, j) => (j === i ? { ...x, hours: Number(v) || 0 } : x)),
                    )
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('training.module.remove')}
                  onClick={() =>
                    set(
                      'modules',
                      values.modules.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  set('modules', [...values.modules, { kind: 'custom', title: { [locale]: '' }, hours: 0 }])
                }
              >
                {t('training.module.add')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('training.programme.outcomes')}>
          <Stack>
            {values.learningOutcomes.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: outcomes have no id; the inputs are controlled
              <Group key={`o-${i}`} align="flex-end">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('training.programme.outcomeN', { n: i + 1 })}
                  value={pickLocalized(o, locale)}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    set(
                      'learningOutcomes',
                      values.learningOutcomes.map((x, j) => (j === i ? { ...x, [locale]: text } : x)),
                    );
                  }}
                  error={errors[`learningOutcomes.${i}`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('training.programme.removeOutcome')}
                  onClick={() =>
                    set(
                      'learningOutcomes',
                      values.learningOutcomes.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() => set('learningOutcomes', [...values.learningOutcomes, { [locale]: '' }])}
              >
                {t('training.programme.addOutcome')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('training.completion.rule')}>
          <Group align="flex-end">
            <NumberInput
              label={t('training.completion.minAttendance')}
              min={0}
              max={100}
              suffix=" %"
              value={rule.minAttendancePercent}
              onChange={(v) => set('completionRule', { ...rule, minAttendancePercent: Number(v) || 0 })}
            />
            <NumberInput
              label={t('training.completion.minPostScore')}
              min={0}
              max={100}
              decimalScale={2}
              value={rule.minPostScore}
              onChange={(v) => set('completionRule', { ...rule, minPostScore: Number(v) || 0 })}
              error={errors['completionRule.minPostScore']}
            />
            <Checkbox
              label={t('training.completion.requirePostTest')}
              checked={rule.requirePostTest}
              onChange={(e) => set('completionRule', { ...rule, requirePostTest: e.currentTarget.checked })}
            />
          </Group>
        </Fieldset>
        {Object.keys(errors).length > 0 && <ErrorState title={t('training.fixErrors')} error={undefined} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
