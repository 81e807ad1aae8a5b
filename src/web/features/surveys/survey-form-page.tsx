import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { LOCALES } from '../../../contracts/common.js';
import {
  CHOICE_TYPES,
  LIKERT_TYPES,
  QUESTION_PURPOSES,
  QUESTION_TYPES,
  SURVEY_LEVELS,
  type SurveyLevel,
  type TQuestionInput,
  type TSurveyInput,
} from '../../../contracts/surveys.js';
import { FullPageLoader } from '../../app/session';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { compactLocalized, LocalizedTextEditor } from '../../components/localized-text-editor';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale, LOCALE_LABELS } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, pathKey, validationMessage } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useProjectOptions } from '../training/api';
import { useCohortOptions, useSaveSurvey, useSurvey, useSurveyTemplate } from './api';

type Q = TQuestionInput & { uid: string };
type Draft = Omit<TSurveyInput, 'questions'> & { questions: Q[] };

let uidCounter = 0;
const uid = () => `q${++uidCounter}`;

function emptyQuestion(): Q {
  return { uid: uid(), type: 'likert5', text: {}, required: true, options: [] };
}

/** Where the server or the contract found a problem, keyed like `questions.2.options`. */
function issueMap(t: (k: string) => string, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) {
    return {};
  }
  const out: Record<string, string> = {};
  for (const raw of error.details.issues as { path: PropertyKey[]; message: string }[]) {
    const key = pathKey(raw.path ?? []);
    out[key] ??= validationMessage(t, raw.message);
  }
  return out;
}

function QuestionEditor({
  q,
  index,
  count,
  errors,
  frozen,
  onChange,
  onMove,
  onRemove,
}: {
  q: Q;
  index: number;
  count: number;
  errors: Record<string, string>;
  frozen: boolean;
  onChange: (q: Q) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const at = (field: string) => errors[`questions.${index}.${field}`];
  const choice = CHOICE_TYPES.includes(q.type);
  const likert = LIKERT_TYPES.includes(q.type);
  const options = q.options ?? [];
  const optionData = options.map((o) => ({
    value: o.key,
    label: `${o.key} · ${pickLocalized(o.label, locale)}`,
  }));
  const set = (patch: Partial<Q>) => onChange({ ...q, ...patch });
  const optionErrors = Object.entries(errors).filter(([k]) => k.startsWith(`questions.${index}.options`));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('surveys.builder.questionN', { n: index + 1 })}</Text>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={t('surveys.builder.moveUp')}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t('surveys.builder.moveDown')}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <Button size="xs" variant="subtle" color="red" disabled={frozen} onClick={onRemove}>
              {t('surveys.builder.removeQuestion')}
            </Button>
          </Group>
        </Group>
        {errors[`questions.${index}`] && <Alert color="red">{errors[`questions.${index}`]}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('surveys.builder.type')}
            value={q.type}
            disabled={frozen}
            allowDeselect={false}
            data={QUESTION_TYPES.map((v) => ({ value: v, label: t(`surveys.types.${v}`) }))}
            onChange={(v) => {
              const type = (v ?? 'likert5') as Q['type'];
              set({
                type,
                options: CHOICE_TYPES.includes(type)
                  ? options.length >= 2
                    ? options
                    : [
                        { key: 'a', label: {} },
                        { key: 'b', label: {} },
                      ]
                  : [],
              });
            }}
            error={at('type')}
          />
          <Select
            label={t('surveys.builder.purpose')}
            value={q.purpose ?? 'none'}
            allowDeselect={false}
            data={QUESTION_PURPOSES.map((v) => ({ value: v, label: t(`surveys.purposes.${v}`) }))}
            onChange={(v) => set({ purpose: (v ?? 'none') as Q['purpose'] })}
            error={at('purpose')}
          />
          <Checkbox
            mt="xl"
            label={t('surveys.builder.required')}
            checked={q.required ?? true}
            onChange={(e) => set({ required: e.currentTarget.checked })}
          />
        </SimpleGrid>
        <LocalizedTextEditor
          legend={t('surveys.builder.text')}
          value={q.text}
          onChange={(text) => set({ text })}
          error={at('text')}
        />
        {likert && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('surveys.builder.scaleKey')}
              description={t('surveys.builder.scaleKeyHint')}
              value={q.scaleKey ?? ''}
              onChange={(e) => set({ scaleKey: e.currentTarget.value })}
              error={at('scaleKey')}
            />
            <Checkbox
              mt="xl"
              label={t('surveys.builder.reverseCoded')}
              description={t('surveys.builder.reverseHint')}
              checked={q.reverseCoded ?? false}
              onChange={(e) => set({ reverseCoded: e.currentTarget.checked })}
              error={at('reverseCoded')}
            />
          </SimpleGrid>
        )}
        {choice && (
          <Stack gap="xs">
            <Text fw={500}>{t('surveys.builder.options')}</Text>
            {options.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, including their key; they have no other id
              <Group key={`${q.uid}-${i}`} align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('surveys.builder.optionKey')}
                  value={o.key}
                  disabled={frozen}
                  w={110}
                  onChange={(e) => {
                    const next = [...options];
                    next[i] = { ...o, key: e.currentTarget.value };
                    set({ options: next });
                  }}
                  error={errors[`questions.${index}.options.${i}.key`]}
                />
                <div style={{ flex: 1 }}>
                  <LocalizedTextEditor
                    legend={t('surveys.builder.optionLabel')}
                    value={o.label}
                    onChange={(label) => {
                      const next = [...options];
                      next[i] = { ...o, label };
                      set({ options: next });
                    }}
                    error={errors[`questions.${index}.options.${i}.label`]}
                  />
                </div>
                <Button
                  mt="xl"
                  size="xs"
                  variant="subtle"
                  color="red"
                  disabled={frozen}
                  onClick={() => set({ options: options.filter((_, j) => j !== i) })}
                >
                  {t('surveys.builder.removeOption')}
                </Button>
              </Group>
            ))}
            {optionErrors.length > 0 && !optionErrors.some(([k]) => /options\.\d/.test(k)) && (
              <Text c="red" size="sm">
                {optionErrors[0]?.[1]}
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="default"
                disabled={frozen}
                onClick={() =>
                  set({ options: [...options, { key: String.fromCharCode(97 + options.length), label: {} }] })
                }
              >
                {t('surveys.builder.addOption')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Checkbox
                mt="md"
                label={t('surveys.builder.scored')}
                checked={q.scored ?? false}
                onChange={(e) =>
                  set({ scored: e.currentTarget.checked, correct: e.currentTarget.checked ? q.correct : [] })
                }
                error={at('scored')}
              />
              {q.scored && (
                <MultiSelect
                  label={t('surveys.builder.correct')}
                  data={optionData}
                  value={q.correct ?? []}
                  onChange={(correct) => set({ correct })}
                  error={at('correct') ?? errors[`questions.${index}.correct.0`]}
                />
              )}
              {q.scored && (
                <NumberInput
                  label={t('surveys.builder.points')}
                  min={1}
                  max={100}
                  value={q.points ?? 1}
                  onChange={(v) => set({ points: Number(v) || 1 })}
                />
              )}
              {q.purpose === 'application' && (
                <MultiSelect
                  label={t('surveys.builder.applied')}
                  data={optionData}
                  value={q.applied ?? []}
                  onChange={(applied) => set({ applied })}
                  error={at('applied')}
                />
              )}
            </SimpleGrid>
          </Stack>
        )}
        {q.type === 'number' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('surveys.builder.minValue')}
              value={q.minValue ?? ''}
              onChange={(v) => set({ minValue: v === '' ? null : Number(v) })}
              error={at('minValue')}
            />
            <NumberInput
              label={t('surveys.builder.maxValue')}
              value={q.maxValue ?? ''}
              onChange={(v) => set({ maxValue: v === '' ? null : Number(v) })}
              error={at('maxValue')}
            />
            {q.purpose === 'benefit' && (
              <TextInput
                label={t('surveys.builder.currency')}
                value={q.currency ?? ''}
                maxLength={3}
                onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() || null })}
                error={at('currency')}
              />
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}

function toDraft(input: TSurveyInput): Draft {
  return { ...input, questions: input.questions.map((q) => ({ ...q, uid: uid() })) };
}

function toInput(d: Draft): TSurveyInput {
  return {
    ...d,
    title: compactLocalized(d.title),
    intro: compactLocalized(d.intro ?? {}),
    questions: d.questions.map(({ uid: _u, ...q }) => ({
      ...q,
      text: compactLocalized(q.text),
      help: compactLocalized(q.help ?? {}),
      options: (q.options ?? []).map((o) => ({ ...o, label: compactLocalized(o.label) })),
    })),
  };
}

/** The survey builder: new from a level's template, or editing an existing survey. */
export function SurveyFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const levelParam = params.get('level');
  const level = (SURVEY_LEVELS as readonly string[]).includes(levelParam ?? '')
    ? (levelParam as SurveyLevel)
    : 'L1';
  const existing = useSurvey(id);
  const template = useSurveyTemplate(id ? null : level, { cohortId: params.get('cohortId') ?? undefined });
  const cohorts = useCohortOptions();
  const projects = useProjectOptions();
  const save = useSaveSurvey(id);
  const [draft, setDraft] = useState<Draft | null>(null);

  useEffect(() => {
    if (draft) {
      return;
    }
    if (id && existing.data) {
      const s = existing.data;
      setDraft(
        toDraft({
          projectId: s.projectId,
          cohortId: s.cohortId,
          level: s.level,
          testPhase: s.testPhase,
          preTestId: s.preTestId,
          title: s.title,
          intro: s.intro,
          defaultLocale: s.defaultLocale,
          anonymous: s.anonymous,
          opensOn: s.opensOn,
          closesOn: s.closesOn,
          followUpDays: s.followUpDays,
          questions: s.questions,
        }),
      );
    } else if (!id && template.data) {
      setDraft(toDraft(template.data));
    }
  }, [draft, id, existing.data, template.data]);

  if ((id && existing.error) || (!id && template.error)) {
    return <ErrorState error={existing.error ?? template.error} />;
  }
  if (!draft) {
    return <FullPageLoader />;
  }
  const frozen = Boolean(id && existing.data && !existing.data.abilities.editStructure);
  const errors = issueMap(t, save.error);
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setQuestion = (i: number, q: Q) =>
    set({ questions: draft.questions.map((x, j) => (j === i ? q : x)) });
  const move = (i: number, delta: number) => {
    const next = [...draft.questions];
    const [q] = next.splice(i, 1);
    if (q) {
      next.splice(i + delta, 0, q);
    }
    set({ questions: next });
  };
  const submit = () =>
    save.mutate(
      { version: existing.data?.version, data: toInput(draft) },
      { onSuccess: (s) => navigate(`/surveys/${s.id}`) },
    );
  return (
    <Stack>
      <PageHeader
        title={
          id
            ? t('surveys.builder.editTitle')
            : t('surveys.builder.newTitle', { level: t(`surveys.levels.${draft.level}`) })
        }
        subtitle={draft.testPhase ? t(`surveys.phases.${draft.testPhase}`) : undefined}
      />
      {frozen && <Alert color="blue">{t('surveys.builder.frozen')}</Alert>}
      <Card withBorder>
        <Stack>
          <LocalizedTextEditor
            legend={t('surveys.fields.title')}
            value={draft.title}
            onChange={(title) => set({ title })}
            error={errors.title}
          />
          <LocalizedTextEditor
            legend={t('surveys.fields.intro')}
            value={draft.intro ?? {}}
            onChange={(intro) => set({ intro })}
            multiline
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('surveys.fields.cohort')}
              clearable
              searchable
              value={draft.cohortId ?? null}
              data={(cohorts.data?.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.name} · ${pickLocalized(c.programmeTitle, locale)}`,
              }))}
              onChange={(v) => {
                const cohort = cohorts.data?.data.find((c) => c.id === v);
                set({ cohortId: v, projectId: cohort ? cohort.projectId : draft.projectId });
              }}
              error={errors.cohortId}
            />
            <Select
              label={t('surveys.fields.project')}
              clearable
              searchable
              disabled={Boolean(draft.cohortId)}
              value={draft.projectId ?? null}
              data={(projects.data?.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.code} · ${pickLocalized(p.title, locale)}`,
              }))}
              onChange={(v) => set({ projectId: v })}
              error={errors.projectId}
            />
            <DateField
              label={t('surveys.fields.opensOn')}
              value={draft.opensOn ?? ''}
              onChange={(e) => set({ opensOn: e.currentTarget.value || null })}
              error={errors.opensOn}
            />
            <DateField
              label={t('surveys.fields.closesOn')}
              value={draft.closesOn ?? ''}
              onChange={(e) => set({ closesOn: e.currentTarget.value || null })}
              error={errors.closesOn}
            />
            <Select
              label={t('surveys.fields.defaultLocale')}
              description={t('surveys.fields.defaultLocaleHint')}
              allowDeselect={false}
              value={draft.defaultLocale ?? 'en'}
              data={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
              onChange={(v) => set({ defaultLocale: (v ?? 'en') as Draft['defaultLocale'] })}
            />
            <NumberInput
              label={t('surveys.fields.followUpDays')}
              description={t('surveys.fields.followUpHint')}
              min={1}
              max={730}
              value={draft.followUpDays ?? ''}
              onChange={(v) => set({ followUpDays: v === '' ? null : Number(v) })}
              error={errors.followUpDays}
            />
          </SimpleGrid>
          <Switch
            label={t('surveys.fields.anonymous')}
            description={t('surveys.fields.anonymousHint')}
            checked={draft.anonymous ?? false}
            onChange={(e) => set({ anonymous: e.currentTarget.checked })}
            error={errors.anonymous}
          />
        </Stack>
      </Card>
      {errors.questions && <Alert color="red">{errors.questions}</Alert>}
      {draft.questions.map((q, i) => (
        <QuestionEditor
          key={q.uid}
          q={q}
          index={i}
          count={draft.questions.length}
          errors={errors}
          frozen={frozen && Boolean(q.id)}
          onChange={(next) => setQuestion(i, next)}
          onMove={(d) => move(i, d)}
          onRemove={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}
        />
      ))}
      <Group>
        <Button
          variant="default"
          disabled={frozen}
          onClick={() => set({ questions: [...draft.questions, emptyQuestion()] })}
        >
          {t('surveys.builder.addQuestion')}
        </Button>
      </Group>
      {conflict && (
        <VersionConflictAlert onReload={() => void existing.refetch().then(() => setDraft(null))} />
      )}
      {save.error && !conflict && (
        <Alert color="red" role="alert">
          {Object.keys(errors).length > 0
            ? t('surveys.builder.fixProblems', { count: Object.keys(errors).length })
            : errorMessage(t, save.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={() => navigate(id ? `/surveys/${id}` : '/surveys')}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
