import {
  Alert,
  Box,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TAnswerInput, TPublicQuestion } from '../../../contracts/surveys.js';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { FullPageLoader } from '../../app/session';
import { currentLocale, setLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { usePublicSurvey, useSubmitResponse } from './api';

type Answer = { number?: number | null; text?: string; choices?: string[] };

function blank(a: Answer | undefined): boolean {
  return (
    !a || ((a.number === null || a.number === undefined) && !a.text?.trim() && (a.choices ?? []).length === 0)
  );
}

/** The problems the page finds before sending (the server checks the same and more). */
function localProblems(
  questions: TPublicQuestion[],
  answers: Record<string, Answer>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (blank(a)) {
      if (q.required) {
        out[q.id] = 'answer_required';
      }
      continue;
    }
    if (q.type === 'number' && a?.number !== null && a?.number !== undefined) {
      if ((q.minValue !== null && a.number < q.minValue) || (q.maxValue !== null && a.number > q.maxValue)) {
        out[q.id] = 'answer_out_of_range';
      }
    }
  }
  return out;
}

function Scale({
  q,
  value,
  onChange,
  error,
}: {
  q: TPublicQuestion;
  value: number | null | undefined;
  onChange: (v: number) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [from, to] = q.type === 'nps' ? [0, 10] : [1, q.type === 'likert7' ? 7 : 5];
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <Radio.Group
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(v) => onChange(Number(v))}
      error={error}
    >
      <Group gap="xs" mt={4} wrap="wrap">
        {values.map((v) => (
          <Radio key={v} value={String(v)} label={String(v)} aria-label={String(v)} />
        ))}
      </Group>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {q.type === 'nps' ? t('surveys.answer.npsLow') : t('surveys.answer.disagree')}
        </Text>
        <Text size="xs" c="dimmed">
          {q.type === 'nps' ? t('surveys.answer.npsHigh') : t('surveys.answer.agree')}
        </Text>
      </Group>
    </Radio.Group>
  );
}

function QuestionField({
  q,
  index,
  answer,
  onChange,
  error,
}: {
  q: TPublicQuestion;
  index: number;
  answer: Answer | undefined;
  onChange: (a: Answer) => void;
  error?: string;
}) {
  const locale = currentLocale();
  const { t } = useTranslation();
  const label = `${index + 1}. ${pickLocalized(q.text, locale)}`;
  const help = pickLocalized(q.help, locale);
  let input: React.ReactNode;
  switch (q.type) {
    case 'likert5':
    case 'likert7':
    case 'nps':
      input = <Scale q={q} value={answer?.number} onChange={(n) => onChange({ number: n })} error={error} />;
      break;
    case 'single':
      input = (
        <Radio.Group
          value={answer?.choices?.[0] ?? ''}
          onChange={(v) => onChange({ choices: [v] })}
          error={error}
        >
          <Stack gap="xs" mt={4}>
            {q.options.map((o) => (
              <Radio key={o.key} value={o.key} label={pickLocalized(o.label, locale)} />
            ))}
          </Stack>
        </Radio.Group>
      );
      break;
    case 'multiple':
      input = (
        <Checkbox.Group
          value={answer?.choices ?? []}
          onChange={(v) => onChange({ choices: v })}
          error={error}
        >
          <Stack gap="xs" mt={4}>
            {q.options.map((o) => (
              <Checkbox key={o.key} value={o.key} label={pickLocalized(o.label, locale)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
      break;
    case 'number':
      input = (
        <NumberInput
          aria-label={label}
          value={answer?.number ?? ''}
          onChange={(v) => onChange({ number: v === '' ? null : Number(v) })}
          min={q.minValue ?? undefined}
          max={q.maxValue ?? undefined}
          suffix={q.currency ? ` ${q.currency}` : undefined}
          error={error}
          inputMode="decimal"
          maw={280}
        />
      );
      break;
    default:
      input = (
        <Textarea
          aria-label={label}
          value={answer?.text ?? ''}
          onChange={(e) => onChange({ text: e.currentTarget.value })}
          autosize
          minRows={3}
          maxLength={4000}
          error={error}
          dir="auto"
        />
      );
  }
  return (
    <Card
      withBorder
      component="fieldset"
      id={`q-${q.id}`}
      style={{ borderColor: error ? 'var(--mantine-color-red-6)' : undefined }}
    >
      <Text component="legend" fw={600} dir="auto">
        {label}
        {q.required && (
          <Text span c="red" aria-label={t('surveys.answer.required')}>
            {' *'}
          </Text>
        )}
      </Text>
      {help && (
        <Text size="sm" c="dimmed" dir="auto">
          {help}
        </Text>
      )}
      {input}
    </Card>
  );
}

/**
 * The answer page of a personal survey link: no sign-in, outside the app shell, in the
 * invitation's language (switchable), one submission.
 */
export function AnswerPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = usePublicSurvey(token);
  const submit = useSubmitResponse(token);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const localeApplied = useRef(false);
  const locale = currentLocale();

  useEffect(() => {
    if (q.data && !localeApplied.current) {
      localeApplied.current = true;
      if (q.data.locale !== currentLocale()) {
        void setLocale(q.data.locale);
      }
    }
  }, [q.data]);

  let body: React.ReactNode;
  if (q.isPending) {
    body = <FullPageLoader />;
  } else if (q.error || !q.data) {
    const invalid = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    body = (
      <Alert color="orange" role="alert" title={t('surveys.answer.unavailableTitle')}>
        {invalid ? t('surveys.answer.invalidLink') : errorMessage(t, q.error)}
      </Alert>
    );
  } else if (done || q.data.state === 'answered') {
    body = (
      <Alert
        color="green"
        role="status"
        title={done ? t('surveys.answer.thanksTitle') : t('surveys.answer.alreadyTitle')}
      >
        {done ? t('surveys.answer.thanks') : t('surveys.answer.already')}
      </Alert>
    );
  } else if (q.data.state !== 'open') {
    body = (
      <Alert color="orange" role="alert" title={pickLocalized(q.data.title, locale)}>
        {q.data.state === 'closed' ? t('surveys.answer.closed') : t('surveys.answer.notYetOpen')}
      </Alert>
    );
  } else {
    const s = q.data;
    const send = () => {
      const problems = localProblems(s.questions, answers);
      setErrors(problems);
      const first = s.questions.find((x) => problems[x.id]);
      if (first) {
        document.getElementById(`q-${first.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        return;
      }
      const list: TAnswerInput[] = s.questions
        .filter((x) => !blank(answers[x.id]))
        .map((x) => ({ questionId: x.id, ...answers[x.id] }));
      submit.mutate(
        { locale: currentLocale(), answers: list },
        {
          onSuccess: () => setDone(true),
          onError: (e) => {
            if (e instanceof ApiError && Array.isArray(e.details.issues)) {
              const server: Record<string, string> = {};
              for (const issue of e.details.issues as { path: string[]; message: string }[]) {
                const id = issue.path[1];
                if (id && !server[id]) {
                  server[id] = issue.message;
                }
              }
              setErrors(server);
            }
          },
        },
      );
    };
    const count = Object.keys(errors).length;
    const serverState =
      submit.error instanceof ApiError ? (submit.error.details.reason as string | undefined) : undefined;
    body = (
      <Stack>
        <Stack gap={4}>
          <Text c="dimmed">{s.organizationName}</Text>
          <Title order={1} size="h2" dir="auto">
            {pickLocalized(s.title, locale)}
          </Title>
          {pickLocalized(s.intro, locale) && <Text dir="auto">{pickLocalized(s.intro, locale)}</Text>}
          <Text size="sm" c="dimmed">
            {s.anonymous ? t('surveys.answer.anonymousNote') : t('surveys.answer.namedNote')}
            {s.closesOn && ` ${t('surveys.answer.closesOn', { date: formatDate(s.closesOn, locale) })}`}
          </Text>
        </Stack>
        {s.questions.map((x, i) => (
          <QuestionField
            key={x.id}
            q={x}
            index={i}
            answer={answers[x.id]}
            error={errors[x.id] ? t(`validation.${errors[x.id]}`) : undefined}
            onChange={(a) => {
              setAnswers((prev) => ({ ...prev, [x.id]: a }));
              setErrors(({ [x.id]: _gone, ...rest }) => rest);
            }}
          />
        ))}
        {count > 0 && (
          <Alert color="red" role="alert">
            {t('surveys.answer.fixProblems', { count })}
          </Alert>
        )}
        {serverState === 'already_answered' && (
          <Alert color="orange" role="alert">
            {t('surveys.answer.already')}
          </Alert>
        )}
        {serverState === 'closed' && (
          <Alert color="orange" role="alert">
            {t('surveys.answer.closed')}
          </Alert>
        )}
        {submit.error && !serverState && count === 0 && (
          <Alert color="red" role="alert">
            {errorMessage(t, submit.error)}
          </Alert>
        )}
        <Group>
          <Button size="md" onClick={send} loading={submit.isPending}>
            {t('surveys.answer.submit')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Container component="main" size="sm" py="md" px="sm">
        {body}
      </Container>
    </Box>
  );
}
