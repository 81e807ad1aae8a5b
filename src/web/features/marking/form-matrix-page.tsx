import {
  Alert,
  Anchor,
  Button,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FORM_STATES, type FormState } from '../../../contracts/competitions.js';
import type { TFormSummary } from '../../../contracts/marking.js';
import { add, parseRational, toFixed, ZERO } from '../../../domain/competitions/rational.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { pickLocalized } from '../../lib/localized';
import type { WorkflowStep } from './api';
import { useBulkLock, useFormMatrix } from './api';
import { FormStateChip, markingError, problemText, stepsFor, WorkflowDialog } from './workflow-actions';

/**
 * The form matrix of a skill: sub-criteria as rows grouped by marking day, entrants as columns, each
 * cell the form's state and total (computed by the server's domain code). Filters by day and state;
 * supervisors lock all signed forms of a sub-criterion at once.
 */
export function FormMatrixPage() {
  const { competitionId = '', skillId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useFormMatrix(skillId);
  const bulk = useBulkLock(skillId);
  const [day, setDay] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [action, setAction] = useState<{ form: TFormSummary; step: WorkflowStep; title: string } | null>(
    null,
  );

  const byCell = useMemo(() => {
    const map = new Map<string, TFormSummary>();
    for (const f of data?.forms ?? []) {
      map.set(`${f.subCriterionKey}\u0000${f.entryId}`, f);
    }
    return map;
  }, [data]);

  if (isPending) {
    return <FullPageLoader />;
  }
  if (error || !data) {
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  const base = `/competitions/${competitionId}/skills/${skillId}`;
  const skillName = `${data.skill.number} ${pickLocalized(data.skill.names, currentLocale())}`;
  const entries = data.entries.filter((e) => e.status !== 'withdrawn');
  const days = [...new Set(data.subCriteria.map((s) => s.dayOfMarking))];
  const rows = data.subCriteria.filter((s) => !day || s.dayOfMarking === day);
  const counts = Object.fromEntries(
    FORM_STATES.map((s) => [s, data.forms.filter((f) => f.state === s).length]),
  );

  const entrantTotal = (entryId: string) =>
    toFixed(
      data.forms
        .filter((f) => f.entryId === entryId)
        .reduce((acc, f) => add(acc, parseRational(f.totalExact) ?? ZERO), ZERO),
      2,
    );

  return (
    <Stack>
      <PageHeader
        title={t('marking.matrix.title')}
        subtitle={skillName}
        actions={
          <>
            <Button component={Link} to={`${base}/disputes`} variant="default" mih={44}>
              {t('marking.disputes.title')}
            </Button>
            <Button component={Link} to={base} variant="subtle" mih={44}>
              {t('marking.matrix.backToSkill')}
            </Button>
          </>
        }
      />
      {!data.scheme && <Alert color="yellow">{problemText(t, 'scheme_not_locked')}</Alert>}
      {data.skill.markingSuspended && <Alert color="orange">{problemText(t, 'marking_suspended')}</Alert>}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('marking.matrix.filterDay')}
          data={days.map((d) => ({ value: d, label: t('marking.matrix.day', { day: d }) }))}
          value={day}
          onChange={setDay}
          clearable
          placeholder={t('common.any')}
        />
        <Select
          label={t('marking.matrix.filterState')}
          data={FORM_STATES.map((s) => ({
            value: s,
            label: `${t(`marking.states.${s}`)} (${counts[s] ?? 0})`,
          }))}
          value={state}
          onChange={setState}
          clearable
          placeholder={t('common.any')}
        />
      </Group>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('marking.matrix.subCriterion')}</Table.Th>
              {entries.map((e) => (
                <Table.Th key={e.id} style={{ minWidth: 120 }}>
                  <Text size="sm" fw={600}>
                    {e.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('marking.bench.benchMember', { bench: e.bench || '—', member: e.memberCode })}
                  </Text>
                </Table.Th>
              ))}
              {data.abilities.supervise && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days
              .filter((d) => !day || d === day)
              .map((d) => (
                <DayRows key={d}>
                  <Table.Tr>
                    <Table.Td
                      colSpan={entries.length + (data.abilities.supervise ? 2 : 1)}
                      bg="var(--mantine-color-default-hover)"
                    >
                      <Text fw={700}>{t('marking.matrix.day', { day: d })}</Text>
                    </Table.Td>
                  </Table.Tr>
                  {rows
                    .filter((s) => s.dayOfMarking === d)
                    .map((s) => {
                      const signed = data.forms.filter(
                        (f) => f.subCriterionKey === s.key && f.state === 'signed',
                      ).length;
                      return (
                        <Table.Tr key={s.key}>
                          <Table.Td>
                            <Text fw={600}>
                              {s.key} {s.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('marking.matrix.maxAspects', { max: s.maxTotal, count: s.aspectCount })}
                            </Text>
                          </Table.Td>
                          {entries.map((e) => {
                            const f = byCell.get(`${s.key}\u0000${e.id}`);
                            if (!f) {
                              return <Table.Td key={e.id}>—</Table.Td>;
                            }
                            const hidden = state !== null && f.state !== state;
                            const title = `${s.key} · ${e.displayName}`;
                            const steps = stepsFor(f.state as FormState, data.abilities.supervise);
                            return (
                              <Table.Td key={e.id} style={{ opacity: hidden ? 0.25 : 1 }}>
                                <Group gap={4} wrap="nowrap" justify="space-between">
                                  <UnstyledButton
                                    onClick={() => navigate(`${base}/marking/forms/${f.id}`)}
                                    aria-label={t('marking.matrix.openForm', { form: title })}
                                    style={{ minHeight: 44 }}
                                  >
                                    <Stack gap={2}>
                                      <FormStateChip state={f.state} />
                                      <Text size="sm" fw={600}>
                                        {f.total}
                                        {f.blockingAspects.length > 0 && (
                                          <Text
                                            span
                                            c="red"
                                            ms={4}
                                            title={problemText(t, 'judge_spread_exceeded', {
                                              aspects: f.blockingAspects,
                                            })}
                                          >
                                            ⚠
                                          </Text>
                                        )}
                                      </Text>
                                    </Stack>
                                  </UnstyledButton>
                                  {steps.length > 0 && (
                                    <Menu position="bottom-end">
                                      <Menu.Target>
                                        <Button
                                          size="compact-sm"
                                          variant="subtle"
                                          aria-label={t('marking.matrix.formActions', { form: title })}
                                        >
                                          ⋯
                                        </Button>
                                      </Menu.Target>
                                      <Menu.Dropdown>
                                        {steps.map((st) => (
                                          <Menu.Item
                                            key={st}
                                            onClick={() => setAction({ form: f, step: st, title })}
                                          >
                                            {t(`marking.workflow.${st}`)}
                                          </Menu.Item>
                                        ))}
                                      </Menu.Dropdown>
                                    </Menu>
                                  )}
                                </Group>
                              </Table.Td>
                            );
                          })}
                          {data.abilities.supervise && (
                            <Table.Td>
                              <Button
                                size="sm"
                                mih={44}
                                variant="light"
                                disabled={signed === 0}
                                loading={bulk.isPending && bulk.variables === s.key}
                                onClick={() =>
                                  bulk.mutate(s.key, {
                                    onSuccess: (r) =>
                                      notifications.show({
                                        color: 'green',
                                        message: t('marking.matrix.bulkLocked', {
                                          count: r.lockedFormIds.length,
                                        }),
                                      }),
                                    onError: (err) =>
                                      notifications.show({ color: 'red', message: markingError(t, err) }),
                                  })
                                }
                              >
                                {t('marking.matrix.lockSigned', { count: signed })}
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                </DayRows>
              ))}
            <Table.Tr>
              <Table.Td>
                <Text fw={700}>{t('marking.matrix.total')}</Text>
              </Table.Td>
              {entries.map((e) => (
                <Table.Td key={e.id}>
                  <Text fw={700}>{entrantTotal(e.id)}</Text>
                </Table.Td>
              ))}
              {data.abilities.supervise && <Table.Td />}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.scheme && (
        <Text size="sm" c="dimmed">
          {t('marking.matrix.schemeVersion', { version: data.scheme.versionNo })} ·{' '}
          <Anchor component={Link} to={`${base}/scheme`}>
            {t('marking.matrix.scheme')}
          </Anchor>
        </Text>
      )}
      {action && (
        <WorkflowDialog
          formId={action.form.id}
          version={action.form.version}
          step={action.step}
          title={action.title}
          onClose={() => {
            setAction(null);
            void refetch();
          }}
        />
      )}
    </Stack>
  );
}

function DayRows({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
