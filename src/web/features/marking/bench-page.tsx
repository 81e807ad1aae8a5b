import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Kbd,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TFormAspect, TFormDetail, TMeasurementObservation } from '../../../contracts/marking.js';
import type { EntrantMarks } from '../../../domain/competitions/form-total.js';
import { aspectOutcome, totalOutcomes } from '../../../domain/competitions/form-total.js';
import type { JudgeScore, MeasurementObservation } from '../../../domain/competitions/marking-scheme.js';
import { toFixed } from '../../../domain/competitions/rational.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { ApiError } from '../../lib/api';
import { markingKeys, useFormDetail } from './api';
import { type ItemStatus, itemStatus, judgeKey, localValue, measurementKey, unsentCount } from './mark-queue';
import { useMarkQueue } from './use-mark-queue';
import { FormStateChip, markingError, problemText, WorkflowDialog } from './workflow-actions';

type Step = 'check' | 'sign' | 'lock' | 'unlock' | 'return';

const STATUS_COLORS: Record<ItemStatus, string> = {
  saved: 'green',
  waiting: 'yellow',
  sending: 'blue',
  conflict: 'red',
  rejected: 'red',
};

function describeObservation(
  t: (k: string, o?: Record<string, unknown>) => string,
  aspect: TFormAspect['aspect'],
  v: unknown,
): string {
  if (v === null || v === undefined) {
    return t('marking.bench.empty');
  }
  if (typeof v === 'number') {
    return String(v);
  }
  const o = v as MeasurementObservation;
  switch (o.kind) {
    case 'PASS_FAIL':
      return o.passed ? t('marking.bench.pass') : t('marking.bench.fail');
    case 'NUMBER_COMPLETED':
      return String(o.completed);
    case 'CHOICE':
      return aspect.type === 'M' && aspect.calculation.kind === 'CHOICE'
        ? (aspect.calculation.choices[o.choiceIndex]?.label ?? String(o.choiceIndex + 1))
        : String(o.choiceIndex + 1);
    case 'RANGED_SCORE':
      return o.value;
    case 'DEDUCT':
      return t('marking.bench.errorsCount', { count: o.errors });
    case 'NOT_ATTEMPTED':
      return t('marking.bench.notAttempted');
  }
}

/**
 * Mark entry at the workshop bench: one form (sub-criterion × competitor) at a time, keyboard first,
 * large targets, the live total computed by the domain code the results use, and every change kept
 * in a persistent queue until the server has it.
 */
export function BenchPage() {
  const { competitionId = '', skillId = '', formId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useFormDetail(formId);
  const onSaved = useCallback(
    (savedFormId: string) => {
      void qc.invalidateQueries({ queryKey: markingKeys.form(savedFormId) });
      void qc.invalidateQueries({ queryKey: markingKeys.matrix(skillId) });
    },
    [qc, skillId],
  );
  const mq = useMarkQueue(formId, onSaved);
  const [active, setActive] = useState(0);
  const [judgeColumn, setJudgeColumn] = useState(0);
  const [step, setStep] = useState<Step | null>(null);
  const rows = useRef<(HTMLDivElement | null)[]>([]);

  const base = `/competitions/${competitionId}/skills/${skillId}/marking`;
  const goForm = useCallback(
    (id: string | null | undefined) => {
      if (id) {
        setActive(0);
        setJudgeColumn(0);
        navigate(`${base}/forms/${id}`);
      }
    },
    [navigate, base],
  );

  const live = useMemo(() => (data ? liveMarks(data, mq.queue) : null), [data, mq.queue]);

  // Keyboard first: when a form has loaded (on arrival, and after PageDown / PageUp, which replace the
  // page while the next form loads), the first aspect has the focus, so keys work without a click.
  const loadedFormId = data?.form.id;
  useEffect(() => {
    if (loadedFormId && loadedFormId === formId) {
      rows.current[0]?.focus();
    }
  }, [loadedFormId, formId]);

  if (isPending) {
    return <FullPageLoader />;
  }
  if (error || !data || !live) {
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  const d = data;
  const aspects = d.aspects;
  const typable = new Set(d.abilities.enterJudgeScoresFor);
  const judges = d.judges;
  const unsent = unsentCount(mq.queue);
  const conflicts = Object.keys(mq.queue.conflicts).length;

  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(aspects.length - 1, i));
    setActive(n);
    setJudgeColumn(0);
    rows.current[n]?.focus();
  };

  const setMeasurement = (a: TFormAspect, observation: TMeasurementObservation | null) => {
    if (!d.abilities.enterMeasurements) {
      return;
    }
    const key = measurementKey(a.aspect.key);
    mq.change({
      key,
      kind: 'measurement',
      aspectKey: a.aspect.key,
      value: observation,
      expectedVersion: mq.versionOf(key, a.observation?.version ?? 0),
    });
  };
  const setScore = (a: TFormAspect, judgeExpertId: string, score: number | null) => {
    if (!typable.has(judgeExpertId)) {
      return;
    }
    const key = judgeKey(a.aspect.key, judgeExpertId);
    const server = a.judgeScores.find((s) => s.judgeExpertId === judgeExpertId);
    mq.change({
      key,
      kind: 'judge_score',
      aspectKey: a.aspect.key,
      judgeExpertId,
      value: score,
      expectedVersion: mq.versionOf(key, server?.version ?? 0),
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || step !== null) {
      return;
    }
    const inInput = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === 'PageDown' || (!inInput && e.key === ']')) {
      e.preventDefault();
      goForm(d.navigation.nextFormId);
      return;
    }
    if (e.key === 'PageUp' || (!inInput && e.key === '[')) {
      e.preventDefault();
      goForm(d.navigation.previousFormId);
      return;
    }
    if (e.key === 'Enter' || (!inInput && e.key === 'ArrowDown')) {
      e.preventDefault();
      if (inInput) {
        (e.target as HTMLInputElement).blur();
      }
      focusRow(e.shiftKey ? active - 1 : active + 1);
      return;
    }
    if (!inInput && e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(active - 1);
      return;
    }
    if (inInput) {
      return;
    }
    const a = aspects[active];
    if (!a) {
      return;
    }
    const key = e.key.toLowerCase();
    if (a.aspect.type === 'J') {
      const cols = judges.filter((j) => typable.has(j.expertId));
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const rtl = document.documentElement.dir === 'rtl';
        const delta = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
        setJudgeColumn((c) => Math.max(0, Math.min(cols.length - 1, c + delta)));
        return;
      }
      if (/^[0-3]$/.test(key) && cols.length > 0) {
        e.preventDefault();
        const judge = cols[Math.min(judgeColumn, cols.length - 1)];
        if (judge) {
          setScore(a, judge.expertId, Number(key));
        }
        if (judgeColumn + 1 < cols.length) {
          setJudgeColumn(judgeColumn + 1);
        } else {
          focusRow(active + 1);
        }
      }
      return;
    }
    if (a.aspect.type !== 'M') {
      return;
    }
    const calc = a.aspect.calculation;
    if (key === 'x') {
      e.preventDefault();
      setMeasurement(a, { kind: 'NOT_ATTEMPTED' });
      focusRow(active + 1);
    } else if (calc.kind === 'PASS_FAIL' && (key === 'p' || key === 'y' || key === 'f' || key === 'n')) {
      e.preventDefault();
      setMeasurement(a, { kind: 'PASS_FAIL', passed: key === 'p' || key === 'y' });
      focusRow(active + 1);
    } else if (calc.kind === 'CHOICE' && /^[1-9]$/.test(key) && Number(key) <= calc.choices.length) {
      e.preventDefault();
      setMeasurement(a, { kind: 'CHOICE', choiceIndex: Number(key) - 1 });
      focusRow(active + 1);
    }
  };

  const title = `${d.subCriterion.key} · ${d.entry.displayName}`;
  return (
    <Box onKeyDown={onKeyDown}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Anchor component={Link} to={base} size="sm">
            {t('marking.bench.backToMatrix')}
          </Anchor>
          <Title order={1} size="h2">
            {d.entry.displayName}{' '}
            <Text span c="dimmed" size="lg">
              {t('marking.bench.benchMember', { bench: d.entry.bench || '—', member: d.entry.memberCode })}
            </Text>
          </Title>
          <Text>
            {d.subCriterion.key} {d.subCriterion.name} ·{' '}
            {t('marking.matrix.day', { day: d.subCriterion.dayOfMarking })}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Group gap="xs">
            <FormStateChip state={d.form.state} size="lg" />
            <Paper withBorder px="md" py={4} aria-live="polite">
              <Text fw={700} size="xl">
                {t('marking.bench.total', { total: live.total, max: d.form.maxTotal })}
              </Text>
            </Paper>
          </Group>
          <SyncStatus
            unsent={unsent}
            conflicts={conflicts}
            offline={mq.connection === 'offline'}
            onRetry={mq.retryNow}
          />
        </Stack>
      </Group>

      <Group mb="md" gap="xs" wrap="wrap">
        <Button
          variant="default"
          mih={44}
          disabled={!d.navigation.previousFormId}
          onClick={() => goForm(d.navigation.previousFormId)}
        >
          {t('marking.bench.previous')}
        </Button>
        <Text>
          {t('marking.bench.position', { position: d.navigation.position, count: d.navigation.count })}
        </Text>
        <Button
          variant="default"
          mih={44}
          disabled={!d.navigation.nextFormId}
          onClick={() => goForm(d.navigation.nextFormId)}
        >
          {t('marking.bench.next')}
        </Button>
        <Box style={{ flex: 1 }} />
        {d.abilities.check && (
          <Button mih={44} onClick={() => setStep('check')}>
            {t('marking.workflow.check')}
          </Button>
        )}
        {d.abilities.sign && (
          <Button mih={44} onClick={() => setStep('sign')}>
            {t('marking.workflow.sign')}
          </Button>
        )}
        {d.abilities.lock && (
          <Button mih={44} onClick={() => setStep('lock')}>
            {t('marking.workflow.lock')}
          </Button>
        )}
        {d.abilities.returnToEntered && (
          <Button mih={44} variant="light" color="orange" onClick={() => setStep('return')}>
            {t('marking.workflow.return')}
          </Button>
        )}
        {d.abilities.unlock && (
          <Button mih={44} variant="light" color="orange" onClick={() => setStep('unlock')}>
            {t('marking.workflow.unlock')}
          </Button>
        )}
        {d.abilities.raiseDispute && (
          <Button
            mih={44}
            variant="subtle"
            component={Link}
            to={`/competitions/${competitionId}/skills/${skillId}/disputes?formId=${d.form.id}&entryId=${d.entry.id}`}
          >
            {t('marking.disputes.raise')}
          </Button>
        )}
      </Group>

      {d.entryBlockedBy && d.entryBlockedBy !== 'form_state' && (
        <Alert color="orange" mb="md">
          {problemText(t, d.entryBlockedBy)}
        </Alert>
      )}
      {live.blocking.length > 0 && (
        <Alert color="red" mb="md" role="alert">
          {problemText(t, 'judge_spread_exceeded', { aspects: live.blocking })}
        </Alert>
      )}

      <Stack gap="sm">
        {aspects.map((a, i) => (
          <AspectRow
            key={a.aspect.key}
            a={a}
            detail={d}
            live={live}
            queue={mq}
            active={i === active}
            judgeColumn={judgeColumn}
            typable={typable}
            register={(el) => {
              rows.current[i] = el;
            }}
            onFocus={() => setActive(i)}
            setMeasurement={setMeasurement}
            setScore={setScore}
            describe={(v) => describeObservation(t, a.aspect, v)}
          />
        ))}
      </Stack>

      <Shortcuts />

      <WorkflowDialog
        formId={d.form.id}
        version={d.form.version}
        step={step}
        title={title}
        onClose={() => setStep(null)}
      />
    </Box>
  );
}

interface Live {
  marks: EntrantMarks;
  outcomes: Map<string, ReturnType<typeof aspectOutcome>>;
  total: string;
  blocking: string[];
}

/** The server's marks with the queued changes on top, and the domain's outcome of each aspect. */
function liveMarks(d: TFormDetail, q: ReturnType<typeof useMarkQueue>['queue']): Live {
  const measurements: Record<string, MeasurementObservation> = {};
  const judgements: Record<string, JudgeScore[]> = {};
  for (const a of d.aspects) {
    const key = a.aspect.key;
    if (a.aspect.type === 'M') {
      const local = localValue(q, measurementKey(key));
      const v = local ? local.value : (a.observation?.observation ?? null);
      if (v) {
        measurements[key] = v as MeasurementObservation;
      }
    } else {
      const scores: JudgeScore[] = [];
      const judgeIds = new Set([
        ...d.judges.map((j) => j.expertId),
        ...a.judgeScores.map((s) => s.judgeExpertId),
      ]);
      for (const judgeId of judgeIds) {
        const local = localValue(q, judgeKey(key, judgeId));
        const server = a.judgeScores.find((s) => s.judgeExpertId === judgeId)?.score ?? null;
        const v = local ? (local.value as number | null) : server;
        if (v !== null && v !== undefined) {
          scores.push({ judgeId, score: v as JudgeScore['score'] });
        }
      }
      judgements[key] = scores;
    }
  }
  const marks = { measurements, judgements };
  const outcomes = d.aspects.map((a) => aspectOutcome(a.aspect, marks, d.rules));
  const total = totalOutcomes(d.subCriterion.key, outcomes);
  return {
    marks,
    outcomes: new Map(outcomes.map((o) => [o.aspectKey, o])),
    total: toFixed(total.total, 2),
    blocking: total.blockingJudgementAspects,
  };
}

function SyncStatus({
  unsent,
  conflicts,
  offline,
  onRetry,
}: {
  unsent: number;
  conflicts: number;
  offline: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" aria-live="polite">
      {conflicts > 0 && <Badge color="red">{t('marking.sync.conflicts', { count: conflicts })}</Badge>}
      {unsent > 0 ? (
        <Badge color={offline ? 'orange' : 'yellow'}>{t('marking.sync.waiting', { count: unsent })}</Badge>
      ) : (
        <Badge color="green">{t('marking.sync.allSaved')}</Badge>
      )}
      {offline && (
        <Button size="compact-sm" variant="subtle" onClick={onRetry}>
          {t('marking.sync.retryNow')}
        </Button>
      )}
    </Group>
  );
}

function AspectRow({
  a,
  detail,
  live,
  queue,
  active,
  judgeColumn,
  typable,
  register,
  onFocus,
  setMeasurement,
  setScore,
  describe,
}: {
  a: TFormAspect;
  detail: TFormDetail;
  live: Live;
  queue: ReturnType<typeof useMarkQueue>;
  active: boolean;
  judgeColumn: number;
  typable: Set<string>;
  register: (el: HTMLDivElement | null) => void;
  onFocus: () => void;
  setMeasurement: (a: TFormAspect, o: TMeasurementObservation | null) => void;
  setScore: (a: TFormAspect, judgeId: string, score: number | null) => void;
  describe: (v: unknown) => string;
}) {
  const { t } = useTranslation();
  const aspect = a.aspect;
  const outcome = live.outcomes.get(aspect.key);
  const blocking = outcome?.status === 'rescore_required';
  const keys =
    aspect.type === 'M'
      ? [measurementKey(aspect.key)]
      : detail.judges.map((j) => judgeKey(aspect.key, j.expertId));
  const statuses = keys.map((k) => itemStatus(queue.queue, k));
  const status: ItemStatus = statuses.includes('conflict')
    ? 'conflict'
    : statuses.includes('rejected')
      ? 'rejected'
      : statuses.includes('sending')
        ? 'sending'
        : statuses.includes('waiting')
          ? 'waiting'
          : 'saved';
  const mark = outcome?.status === 'marked' ? toFixed(outcome.mark, 2) : '—';
  const current = aspect.type === 'M' ? live.marks.measurements[aspect.key] : undefined;
  const editable = aspect.type === 'M' && detail.abilities.enterMeasurements;
  const typableJudges = detail.judges.filter((j) => typable.has(j.expertId));
  return (
    <Card
      ref={register}
      withBorder
      tabIndex={0}
      onFocus={onFocus}
      data-aspect={aspect.key}
      padding="md"
      style={{
        borderColor: blocking
          ? 'var(--mantine-color-red-6)'
          : active
            ? 'var(--mantine-color-blue-6)'
            : undefined,
        borderWidth: blocking || active ? 2 : 1,
      }}
      aria-label={`${aspect.key} ${aspect.description}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={0}>
          <Text fw={600}>
            {aspect.key} · {aspect.description}
          </Text>
          {aspect.extraDescription && (
            <Text size="sm" c="dimmed">
              {aspect.extraDescription}
            </Text>
          )}
          {aspect.type === 'M' && aspect.requirement && <Text size="sm">{aspect.requirement}</Text>}
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text fw={700}>{t('marking.bench.mark', { mark, max: a.outcome.maxMark })}</Text>
          <Badge color={STATUS_COLORS[status]} variant="light">
            {t(`marking.sync.item.${status}`)}
          </Badge>
        </Stack>
      </Group>

      {aspect.type === 'M' && (
        <MeasurementInput
          a={a}
          current={current ?? null}
          editable={editable}
          onChange={(o) => setMeasurement(a, o)}
          describe={describe}
        />
      )}
      {aspect.type === 'J' && (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: Math.max(1, detail.judges.length) }}>
            {detail.judges.map((j) => {
              const scoreList = live.marks.judgements[aspect.key] ?? [];
              const value = scoreList.find((s) => s.judgeId === j.expertId)?.score ?? null;
              const canType = typable.has(j.expertId);
              const col = typableJudges.findIndex((x) => x.expertId === j.expertId);
              const focused = active && canType && col === Math.min(judgeColumn, typableJudges.length - 1);
              return (
                <Paper
                  key={j.expertId}
                  withBorder
                  p="xs"
                  style={{ outline: focused ? '2px solid var(--mantine-color-blue-5)' : undefined }}
                >
                  <Text size="sm" fw={500}>
                    {j.name} {j.memberCode ? `(${j.memberCode})` : ''}
                  </Text>
                  {j.compatriot ? (
                    <Text size="sm" c="dimmed">
                      {t('marking.bench.compatriotJudge')}
                    </Text>
                  ) : (
                    <Group gap={6} mt={4}>
                      {[0, 1, 2, 3].map((s) => (
                        <Button
                          key={s}
                          tabIndex={-1}
                          miw={44}
                          mih={44}
                          variant={value === s ? 'filled' : 'default'}
                          // Another judge's score (or a closed form) stays readable: the chosen score
                          // is drawn as chosen, not greyed out with the others.
                          disabled={!canType && value !== s}
                          aria-disabled={!canType || undefined}
                          onClick={() => setScore(a, j.expertId, s)}
                          title={aspect.descriptors[s]}
                          aria-pressed={value === s}
                          aria-label={t('marking.bench.scoreFor', { score: s, judge: j.name })}
                        >
                          {s}
                        </Button>
                      ))}
                      {canType && value !== null && (
                        <Button
                          tabIndex={-1}
                          mih={44}
                          variant="subtle"
                          onClick={() => setScore(a, j.expertId, null)}
                        >
                          {t('marking.bench.clear')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Paper>
              );
            })}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {aspect.descriptors.map((text, s) => `${s}: ${text}`).join(' · ')}
          </Text>
        </Stack>
      )}

      {keys.map((k) => {
        const c = queue.queue.conflicts[k];
        const r = queue.queue.rejected[k];
        if (c) {
          return (
            <Alert key={k} color="red" mt="xs" title={t('marking.sync.conflictTitle')}>
              <Text size="sm">
                {t('marking.sync.conflictText', {
                  theirs: describe(c.server.value),
                  mine: describe(c.mine.value),
                  name: c.server.enteredBy ?? '—',
                })}
              </Text>
              <Group mt="xs">
                <Button size="sm" mih={44} onClick={() => queue.keepMine(k)}>
                  {t('marking.sync.keepMine')}
                </Button>
                <Button size="sm" mih={44} variant="default" onClick={() => queue.takeTheirs(k)}>
                  {t('marking.sync.takeTheirs')}
                </Button>
              </Group>
            </Alert>
          );
        }
        if (r) {
          return (
            <Alert
              key={k}
              color="red"
              mt="xs"
              withCloseButton
              onClose={() => queue.dismiss(k)}
              closeButtonLabel={t('common.close')}
            >
              {t('marking.sync.rejected', {
                value: describe(r.change.value),
                problem: markingError(t, new ApiError(409, 'INVALID_STATE', '', { reason: r.code })),
              })}
            </Alert>
          );
        }
        return null;
      })}
    </Card>
  );
}

function MeasurementInput({
  a,
  current,
  editable,
  onChange,
  describe,
}: {
  a: TFormAspect;
  current: MeasurementObservation | null;
  editable: boolean;
  onChange: (o: TMeasurementObservation | null) => void;
  describe: (v: unknown) => string;
}) {
  const { t } = useTranslation();
  const aspect = a.aspect;
  const [draft, setDraft] = useState<string | number>('');
  if (aspect.type !== 'M') {
    return null;
  }
  const calc = aspect.calculation;
  const na = current?.kind === 'NOT_ATTEMPTED';
  // On a closed form the entered choice stays readable: drawn as chosen, not greyed out with the others.
  const big = (chosen: boolean) => ({
    mih: 44,
    miw: 44,
    tabIndex: -1,
    disabled: !editable && !chosen,
    'aria-disabled': !editable || undefined,
    'aria-pressed': chosen,
  });
  const notAttempted = (
    <Button
      {...big(na)}
      variant={na ? 'filled' : 'default'}
      color="gray"
      onClick={() => onChange({ kind: 'NOT_ATTEMPTED' })}
    >
      {t('marking.bench.notAttempted')} <Kbd ms={6}>X</Kbd>
    </Button>
  );
  const commitNumber = (kind: 'NUMBER_COMPLETED' | 'DEDUCT' | 'RANGED_SCORE') => {
    if (draft === '' || draft === null) {
      return;
    }
    if (kind === 'RANGED_SCORE') {
      onChange({ kind, value: String(draft).trim() });
    } else if (kind === 'NUMBER_COMPLETED') {
      onChange({ kind, completed: Number(draft) });
    } else {
      onChange({ kind, errors: Number(draft) });
    }
    setDraft('');
  };
  switch (calc.kind) {
    case 'PASS_FAIL': {
      const passed = current?.kind === 'PASS_FAIL' ? current.passed : null;
      return (
        <Group gap="xs">
          <Button
            {...big(passed === true)}
            color="green"
            variant={passed === true ? 'filled' : 'default'}
            onClick={() => onChange({ kind: 'PASS_FAIL', passed: true })}
          >
            {t('marking.bench.pass')} <Kbd ms={6}>P</Kbd>
          </Button>
          <Button
            {...big(passed === false)}
            color="red"
            variant={passed === false ? 'filled' : 'default'}
            onClick={() => onChange({ kind: 'PASS_FAIL', passed: false })}
          >
            {t('marking.bench.fail')} <Kbd ms={6}>F</Kbd>
          </Button>
          {notAttempted}
        </Group>
      );
    }
    case 'CHOICE': {
      const chosen = current?.kind === 'CHOICE' ? current.choiceIndex : null;
      return (
        <Group gap="xs">
          {calc.choices.map((c, i) => (
            <Button
              key={c.label}
              {...big(chosen === i)}
              variant={chosen === i ? 'filled' : 'default'}
              onClick={() => onChange({ kind: 'CHOICE', choiceIndex: i })}
            >
              <Kbd me={6}>{i + 1}</Kbd> {c.label} ({t('marking.bench.deduction', { pct: c.deductionPct })})
            </Button>
          ))}
          {notAttempted}
        </Group>
      );
    }
    default: {
      const kind = calc.kind;
      const label =
        kind === 'NUMBER_COMPLETED'
          ? t('marking.bench.completedOf', { possible: calc.possible })
          : kind === 'DEDUCT'
            ? t('marking.bench.errors', { perError: calc.perError })
            : t('marking.bench.measured', { target: calc.target });
      return (
        <Group gap="xs" align="flex-end">
          {kind === 'RANGED_SCORE' ? (
            <TextInput
              label={label}
              size="md"
              inputMode="decimal"
              disabled={!editable}
              value={String(draft)}
              placeholder={current ? describe(current) : ''}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onBlur={() => commitNumber(kind)}
            />
          ) : (
            <NumberInput
              label={label}
              size="md"
              min={0}
              max={kind === 'NUMBER_COMPLETED' ? calc.possible : undefined}
              allowDecimal={false}
              disabled={!editable}
              value={draft}
              placeholder={current ? describe(current) : ''}
              onChange={(v) => setDraft(v)}
              onBlur={() => commitNumber(kind)}
            />
          )}
          <Text>{current ? t('marking.bench.entered', { value: describe(current) }) : ''}</Text>
          {notAttempted}
        </Group>
      );
    }
  }
}

function Shortcuts() {
  const { t } = useTranslation();
  const items: [string, string][] = [
    ['0 – 3', t('marking.shortcuts.judge')],
    ['P / Y', t('marking.shortcuts.pass')],
    ['F / N', t('marking.shortcuts.fail')],
    ['1 – 9', t('marking.shortcuts.choice')],
    ['X', t('marking.shortcuts.notAttempted')],
    ['Enter / ↓ / Tab', t('marking.shortcuts.nextAspect')],
    ['Shift+Enter / ↑', t('marking.shortcuts.previousAspect')],
    ['← / →', t('marking.shortcuts.judgeColumn')],
    ['PageDown / ]', t('marking.shortcuts.nextCompetitor')],
    ['PageUp / [', t('marking.shortcuts.previousCompetitor')],
  ];
  return (
    <Paper withBorder p="sm" mt="lg">
      <Text fw={600} mb={4}>
        {t('marking.shortcuts.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
        {items.map(([k, label]) => (
          <Group key={k} gap="xs" wrap="nowrap">
            <Kbd>{k}</Kbd>
            <Text size="sm">{label}</Text>
          </Group>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
