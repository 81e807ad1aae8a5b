import {
  Alert,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_MEASURES,
  INDICATOR_SOURCES,
  RESULT_TYPES,
  type TIndicator,
  type TIndicatorInput,
  type TPeriod,
  type TPeriodInput,
  type TResult,
  type TResultInput,
  type TValueInput,
} from '../../../contracts/results-frameworks.js';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/edit-form-page';
import { compactLocalized, LocalizedTextEditor } from '../../components/localized-text-editor';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, pathKey } from '../../lib/errors';
import { problemText, sourceKey } from './labels';

/** Field errors keyed by path ("baseline.year") from a 400 answer, translated; else null. */
function fieldErrors(
  t: ReturnType<typeof useTranslation>['t'],
  error: unknown,
): Record<string, string> | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) {
    return null;
  }
  const out: Record<string, string> = {};
  for (const raw of error.details.issues as { path?: unknown[]; message?: string }[]) {
    const key = pathKey((raw.path ?? []) as PropertyKey[]);
    out[key] ??= problemText(t, raw.message ?? '');
  }
  return out;
}

/** The footer of every form: what went wrong, and save / cancel. */
function FormFooter({
  error,
  pending,
  onCancel,
  onReload,
}: {
  error: unknown;
  pending: boolean;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  const fields = fieldErrors(t, error);
  return (
    <Stack gap="xs">
      {conflict && <VersionConflictAlert onReload={onReload} />}
      {Boolean(error) && !conflict && (
        <Alert color="red" role="alert">
          {fields ? (
            <Stack gap={2}>
              {Object.entries(fields).map(([k, v]) => (
                <Text key={k} size="sm">
                  {k ? `${k}: ` : ''}
                  {v}
                </Text>
              ))}
            </Stack>
          ) : (
            errorMessage(t, error)
          )}
        </Alert>
      )}
      <FormActions saving={pending} onCancel={onCancel} />
    </Stack>
  );
}

interface FormProps<T> {
  opened: boolean;
  onClose: () => void;
  onSubmit: (value: T) => void;
  pending: boolean;
  error: unknown;
  onReload: () => void;
}

/** The modal frame of every form: the fields, then the footer; submitting sends `value()`. */
function FormModal<T>({
  p,
  size,
  title,
  value,
  children,
}: {
  p: FormProps<T>;
  size: 'lg' | 'xl';
  title: string;
  value: () => T;
  children: ReactNode;
}) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} size={size} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          p.onSubmit(value());
        }}
      >
        <Stack>
          {children}
          <FormFooter error={p.error} pending={p.pending} onCancel={p.onClose} onReload={p.onReload} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Long texts in every language, each under the field's own label. */
function LocalizedNotes<K extends string>({
  fields,
  value,
  onChange,
}: {
  fields: readonly K[];
  value: Record<K, Record<string, string>>;
  onChange: (patch: Partial<Record<K, Record<string, string>>>) => void;
}) {
  const { t } = useTranslation();
  return fields.map((f) => (
    <LocalizedTextEditor
      key={f}
      legend={t(`resultsFrameworks.${f}`)}
      value={value[f]}
      multiline
      onChange={(x) => onChange({ [f]: x } as Partial<Record<K, Record<string, string>>>)}
    />
  ));
}

/** The same long texts with the empty languages dropped, as the server takes them. */
function compactNotes<K extends string>(
  fields: readonly K[],
  value: Record<K, Record<string, string>>,
): Record<K, Record<string, string>> {
  return Object.fromEntries(fields.map((f) => [f, compactLocalized(value[f])])) as Record<
    K,
    Record<string, string>
  >;
}

// ---------------------------------------------------------------------------------------------
// Result

const RESULT_NOTES = ['description', 'assumptions', 'risks'] as const;

export function ResultForm({ result, ...p }: FormProps<TResultInput> & { result: TResult | null }) {
  const { t } = useTranslation();
  const [v, setV] = useState<TResultInput>(() => ({
    type: result?.type ?? 'output',
    title: result?.title ?? {},
    description: result?.description ?? {},
    assumptions: result?.assumptions ?? {},
    risks: result?.risks ?? {},
    aggregationStatus: result?.aggregationStatus ?? false,
  }));
  const errors = fieldErrors(t, p.error) ?? {};
  return (
    <FormModal
      p={p}
      size="xl"
      title={t(result ? 'resultsFrameworks.editResult' : 'resultsFrameworks.addResult')}
      value={() => ({ ...v, title: compactLocalized(v.title), ...compactNotes(RESULT_NOTES, v) })}
    >
      <Select
        label={t('resultsFrameworks.resultType')}
        data={RESULT_TYPES.map((x) => ({ value: x, label: t(`resultsFrameworks.resultTypes.${x}`) }))}
        value={v.type}
        allowDeselect={false}
        onChange={(x) => x && setV({ ...v, type: x as TResultInput['type'] })}
      />
      <LocalizedTextEditor
        legend={t('resultsFrameworks.title')}
        value={v.title}
        onChange={(title) => setV({ ...v, title })}
        error={errors.title}
      />
      <LocalizedNotes fields={RESULT_NOTES} value={v} onChange={(x) => setV({ ...v, ...x })} />
      <Switch
        label={t('resultsFrameworks.aggregationStatus')}
        description={t('resultsFrameworks.aggregationStatusHint')}
        checked={v.aggregationStatus}
        onChange={(e) => setV({ ...v, aggregationStatus: e.currentTarget.checked })}
      />
    </FormModal>
  );
}

// ---------------------------------------------------------------------------------------------
// Indicator

/** Disaggregations as text lines: `sex: female, male` (no values after the colon = open list). */
function dimsToText(d: TIndicatorInput['disaggregations']): string {
  return d.map((x) => (x.values.length ? `${x.name}: ${x.values.join(', ')}` : x.name)).join('\n');
}

function textToDims(s: string): TIndicatorInput['disaggregations'] {
  return s
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', rest = ''] = line.split(':');
      return {
        name: name.trim(),
        values: rest
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      };
    });
}

const INDICATOR_NOTES = ['definition', 'meansOfVerification'] as const;

export function IndicatorForm({
  indicator,
  ...p
}: FormProps<TIndicatorInput> & { indicator: TIndicator | null }) {
  const { t } = useTranslation();
  const [v, setV] = useState<TIndicatorInput>(() => ({
    code: indicator?.code ?? null,
    title: indicator?.title ?? {},
    description: indicator?.description ?? {},
    definition: indicator?.definition ?? {},
    meansOfVerification: indicator?.meansOfVerification ?? {},
    measure: indicator?.measure ?? 'unit',
    ascending: indicator?.ascending ?? true,
    aggregation: indicator?.aggregation ?? 'level',
    unitLabel: indicator?.unitLabel ?? {},
    baseline: indicator?.baseline ?? null,
    disaggregations: indicator?.disaggregations ?? [],
    sourceKey: indicator?.sourceKey ?? null,
  }));
  const [dims, setDims] = useState(() => dimsToText(v.disaggregations));
  const errors = fieldErrors(t, p.error) ?? {};
  const baseline = v.baseline;
  return (
    <FormModal
      p={p}
      size="xl"
      title={t(indicator ? 'resultsFrameworks.editIndicator' : 'resultsFrameworks.addIndicator')}
      value={() => ({
        ...v,
        title: compactLocalized(v.title),
        description: compactLocalized(v.description),
        ...compactNotes(INDICATOR_NOTES, v),
        unitLabel: v.measure === 'unit' ? compactLocalized(v.unitLabel) : {},
        disaggregations: textToDims(dims),
      })}
    >
      <LocalizedTextEditor
        legend={t('resultsFrameworks.title')}
        value={v.title}
        onChange={(title) => setV({ ...v, title })}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('resultsFrameworks.code')}
          value={v.code ?? ''}
          maxLength={50}
          onChange={(e) => setV({ ...v, code: e.currentTarget.value || null })}
        />
        <Select
          label={t('resultsFrameworks.measure')}
          data={INDICATOR_MEASURES.map((x) => ({
            value: x,
            label: t(`resultsFrameworks.measures.${x}`),
          }))}
          value={v.measure}
          allowDeselect={false}
          onChange={(x) => x && setV({ ...v, measure: x as TIndicatorInput['measure'] })}
        />
        <Select
          label={t('resultsFrameworks.aggregation')}
          description={t(`resultsFrameworks.aggregationHint.${v.aggregation}`)}
          data={(['level', 'sum'] as const).map((x) => ({
            value: x,
            label: t(`resultsFrameworks.aggregations.${x}`),
          }))}
          value={v.aggregation}
          allowDeselect={false}
          error={errors.aggregation}
          onChange={(x) => x && setV({ ...v, aggregation: x as 'level' | 'sum' })}
        />
      </SimpleGrid>
      <Switch
        label={t('resultsFrameworks.ascending')}
        description={t(v.ascending ? 'resultsFrameworks.ascendingYes' : 'resultsFrameworks.ascendingNo')}
        checked={v.ascending}
        onChange={(e) => setV({ ...v, ascending: e.currentTarget.checked })}
      />
      {v.measure === 'unit' && (
        <LocalizedTextEditor
          legend={t('resultsFrameworks.unitLabel')}
          value={v.unitLabel}
          onChange={(unitLabel) => setV({ ...v, unitLabel })}
          error={errors.unitLabel}
        />
      )}
      <LocalizedNotes fields={INDICATOR_NOTES} value={v} onChange={(x) => setV({ ...v, ...x })} />
      <Checkbox
        label={t('resultsFrameworks.hasBaseline')}
        checked={baseline !== null}
        onChange={(e) =>
          setV({
            ...v,
            baseline: e.currentTarget.checked
              ? { year: new Date().getFullYear() - 1, isoDate: null, value: null, comment: {} }
              : null,
          })
        }
      />
      {baseline && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('resultsFrameworks.baselineYear')}
            value={baseline.year}
            min={1900}
            max={9999}
            allowDecimal={false}
            required
            error={errors['baseline.year']}
            onChange={(x) => setV({ ...v, baseline: { ...baseline, year: Number(x) || 0 } })}
          />
          <DateField
            label={t('resultsFrameworks.baselineDate')}
            value={baseline.isoDate ?? ''}
            error={errors['baseline.isoDate']}
            onChange={(e) =>
              setV({ ...v, baseline: { ...baseline, isoDate: e.currentTarget.value || null } })
            }
          />
          <NumberInput
            label={t('resultsFrameworks.baselineValue')}
            value={baseline.value ?? ''}
            error={errors['baseline.value']}
            onChange={(x) => setV({ ...v, baseline: { ...baseline, value: x === '' ? null : Number(x) } })}
          />
        </SimpleGrid>
      )}
      <Textarea
        label={t('resultsFrameworks.disaggregations')}
        description={t('resultsFrameworks.disaggregationsHint')}
        autosize
        minRows={2}
        value={dims}
        error={Object.entries(errors).find(([k]) => k.startsWith('disaggregations'))?.[1]}
        onChange={(e) => setDims(e.currentTarget.value)}
      />
      <Select
        label={t('resultsFrameworks.source')}
        description={t('resultsFrameworks.sourceHint')}
        data={[
          { value: '', label: t('resultsFrameworks.sourceNone') },
          ...INDICATOR_SOURCES.map((x) => ({
            value: x,
            label: t(`resultsFrameworks.sources.${sourceKey(x)}`),
          })),
        ]}
        value={v.sourceKey ?? ''}
        allowDeselect={false}
        error={errors.sourceKey}
        onChange={(x) => setV({ ...v, sourceKey: x ? (x as TIndicatorInput['sourceKey']) : null })}
      />
    </FormModal>
  );
}

// ---------------------------------------------------------------------------------------------
// Period

type Breakdown = Record<string, Record<string, number | ''>>;

function breakdownOf(v: TValueInput | null | undefined): Breakdown {
  const out: Breakdown = {};
  for (const b of v?.breakdown ?? []) {
    const d = b.dimensions[0];
    if (b.dimensions.length === 1 && d && b.value !== null) {
      out[d.name] = { ...(out[d.name] ?? {}), [d.value]: b.value };
    }
  }
  return out;
}

function toBreakdown(b: Breakdown): TValueInput['breakdown'] {
  return Object.entries(b).flatMap(([name, values]) =>
    Object.entries(values)
      .filter(([value, n]) => value.trim() && n !== '')
      .map(([value, n]) => ({ dimensions: [{ name, value: value.trim() }], value: Number(n) })),
  );
}

/** Numbers per declared dimension value; an open dimension (e.g. country) takes `KE=10, TZ=5`. */
function BreakdownInputs({
  dims,
  value,
  onChange,
  label,
}: {
  dims: TIndicator['disaggregations'];
  value: Breakdown;
  onChange: (b: Breakdown) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (dims.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {dims.map((d) =>
        d.values.length > 0 ? (
          <Group key={d.name} gap="xs" wrap="wrap">
            {d.values.map((x) => (
              <NumberInput
                key={x}
                w={120}
                label={`${t(`resultsFrameworks.dimensions.${d.name}`, { defaultValue: d.name })}: ${t(
                  `resultsFrameworks.dimensionValues.${x}`,
                  { defaultValue: x },
                )}`}
                value={value[d.name]?.[x] ?? ''}
                onChange={(n) =>
                  onChange({
                    ...value,
                    [d.name]: { ...(value[d.name] ?? {}), [x]: n === '' ? '' : Number(n) },
                  })
                }
              />
            ))}
          </Group>
        ) : (
          <TextInput
            key={d.name}
            label={t(`resultsFrameworks.dimensions.${d.name}`, { defaultValue: d.name })}
            description={t('resultsFrameworks.openDimensionHint')}
            defaultValue={Object.entries(value[d.name] ?? {})
              .map(([k, n]) => `${k}=${n}`)
              .join(', ')}
            onChange={(e) => {
              const parsed: Record<string, number | ''> = {};
              for (const part of e.currentTarget.value.split(',')) {
                const [k = '', n = ''] = part.split('=');
                if (k.trim() && n.trim() && Number.isFinite(Number(n))) {
                  parsed[k.trim()] = Number(n);
                }
              }
              onChange({ ...value, [d.name]: parsed });
            }}
          />
        ),
      )}
    </Stack>
  );
}

export function PeriodForm({
  period,
  indicator,
  ...p
}: FormProps<TPeriodInput> & { period: TPeriod | null; indicator: TIndicator }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [start, setStart] = useState(period?.start ?? '');
  const [end, setEnd] = useState(period?.end ?? '');
  const [target, setTarget] = useState<number | ''>(period?.target.value ?? '');
  const [targetComment, setTargetComment] = useState(period?.target.comment ?? {});
  const [targetBreakdown, setTargetBreakdown] = useState(() => breakdownOf(period?.target));
  const [reported, setReported] = useState(period ? period.actual !== null : false);
  const [actual, setActual] = useState<number | ''>(period?.actual?.value ?? '');
  const [actualComment, setActualComment] = useState(period?.actual?.comment ?? {});
  const [actualBreakdown, setActualBreakdown] = useState(() => breakdownOf(period?.actual));
  const errors = fieldErrors(t, p.error) ?? {};
  const qualitative = indicator.measure === 'qualitative';
  const firstError = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];
  return (
    <FormModal
      p={p}
      size="lg"
      title={t(period ? 'resultsFrameworks.editPeriod' : 'resultsFrameworks.addPeriod')}
      value={() => ({
        start,
        end,
        target: {
          value: target === '' || qualitative ? null : Number(target),
          comment: compactLocalized(targetComment),
          breakdown: toBreakdown(targetBreakdown),
        },
        actual: reported
          ? {
              value: actual === '' || qualitative ? null : Number(actual),
              comment: compactLocalized(actualComment),
              breakdown: toBreakdown(actualBreakdown),
            }
          : null,
      })}
    >
      <SimpleGrid cols={2}>
        <DateField
          label={t('resultsFrameworks.periodStart')}
          value={start}
          required
          error={errors.start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <DateField
          label={t('resultsFrameworks.periodEnd')}
          value={end}
          required
          error={errors.end}
          onChange={(e) => setEnd(e.currentTarget.value)}
        />
      </SimpleGrid>
      {!qualitative && (
        <NumberInput
          label={t('resultsFrameworks.target')}
          value={target}
          error={errors['target.value']}
          onChange={(x) => setTarget(x === '' ? '' : Number(x))}
        />
      )}
      <Textarea
        label={t('resultsFrameworks.targetComment')}
        autosize
        value={targetComment[locale] ?? ''}
        onChange={(e) => setTargetComment({ ...targetComment, [locale]: e.currentTarget.value })}
      />
      {!qualitative && (
        <BreakdownInputs
          label={t('resultsFrameworks.targetBreakdown')}
          dims={indicator.disaggregations}
          value={targetBreakdown}
          onChange={setTargetBreakdown}
        />
      )}
      {firstError('target.breakdown') && (
        <Text c="red" size="sm">
          {firstError('target.breakdown')}
        </Text>
      )}
      <Switch
        label={t('resultsFrameworks.actualReported')}
        checked={reported}
        onChange={(e) => setReported(e.currentTarget.checked)}
      />
      {reported && (
        <>
          {!qualitative && (
            <NumberInput
              label={t('resultsFrameworks.actual')}
              value={actual}
              error={errors['actual.value']}
              onChange={(x) => setActual(x === '' ? '' : Number(x))}
            />
          )}
          <Textarea
            label={t('resultsFrameworks.actualComment')}
            autosize
            value={actualComment[locale] ?? ''}
            onChange={(e) => setActualComment({ ...actualComment, [locale]: e.currentTarget.value })}
          />
          {!qualitative && (
            <BreakdownInputs
              label={t('resultsFrameworks.actualBreakdown')}
              dims={indicator.disaggregations}
              value={actualBreakdown}
              onChange={setActualBreakdown}
            />
          )}
          {firstError('actual.breakdown') && (
            <Text c="red" size="sm">
              {firstError('actual.breakdown')}
            </Text>
          )}
        </>
      )}
    </FormModal>
  );
}
