import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEASUREMENT_KINDS, type TMeasurementCalculation } from '../../../contracts/marking-schemes.js';

type Kind = TMeasurementCalculation['kind'];

/** What a calculation of each kind starts with when the marker picks it. */
export function defaultCalculation(kind: Kind): TMeasurementCalculation {
  switch (kind) {
    case 'PASS_FAIL':
      return { kind };
    case 'NUMBER_COMPLETED':
      return { kind, possible: 2 };
    case 'CHOICE':
      return {
        kind,
        choices: [
          { label: '', deductionPct: '0' },
          { label: '', deductionPct: '100' },
        ],
      };
    case 'RANGED_SCORE':
      return { kind, target: '0', ranges: [{ lower: '0', upper: '0', deductionPct: '0' }] };
    case 'DEDUCT':
      return { kind, perError: '0.25' };
  }
}

/** Numbered rows of text parameters (CHOICE1..n, RANGE1..n), each removable, with an add button. */
function ParameterRows<T extends Record<string, string>>({
  items,
  onChange,
  fields,
  blank,
  addLabel,
  removeLabel,
}: {
  items: T[];
  onChange: (next: T[]) => void;
  fields: { name: keyof T & string; label: string; decimal?: boolean; grow?: boolean }[];
  blank: T;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  return (
    <Stack gap={4}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parameters are numbered by position (CHOICE1, RANGE1 …)
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <Text size="sm" w={24} pb={8}>
            {i + 1}.
          </Text>
          {fields.map((f) => (
            <TextInput
              key={f.name}
              label={f.label}
              inputMode={f.decimal ? 'decimal' : undefined}
              dir={f.decimal ? 'ltr' : undefined}
              value={item[f.name]}
              onChange={(e) => {
                const text = e.currentTarget.value;
                onChange(items.map((x, j) => (j === i ? { ...x, [f.name]: text } : x)));
              }}
              style={f.grow ? { flex: 1 } : undefined}
              w={f.grow ? undefined : 110}
            />
          ))}
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={removeLabel(i + 1)}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...items, { ...blank }])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** The parameters of one measurement calculation (§1.4): kind, then what that kind needs. */
export function CalculationEditor({
  value,
  onChange,
  idPrefix,
}: {
  value: TMeasurementCalculation;
  onChange: (next: TMeasurementCalculation) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const pct = t('markingSchemes.calc.deductionPct');
  return (
    <Stack gap="xs">
      <Select
        id={`${idPrefix}-kind`}
        label={t('markingSchemes.calc.kind')}
        data={MEASUREMENT_KINDS.map((k) => ({ value: k, label: t(`markingSchemes.calc.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(k) => k && k !== value.kind && onChange(defaultCalculation(k as Kind))}
        w={260}
      />
      {value.kind === 'NUMBER_COMPLETED' && (
        <NumberInput
          label={t('markingSchemes.calc.possible')}
          min={1}
          step={1}
          allowDecimal={false}
          value={value.possible}
          onChange={(v) =>
            onChange({ ...value, possible: typeof v === 'number' ? v : Number.parseInt(v, 10) || 0 })
          }
          w={200}
        />
      )}
      {value.kind === 'DEDUCT' && (
        <TextInput
          label={t('markingSchemes.calc.perError')}
          inputMode="decimal"
          dir="ltr"
          value={value.perError}
          onChange={(e) => onChange({ ...value, perError: e.currentTarget.value })}
          w={200}
        />
      )}
      {value.kind === 'CHOICE' && (
        <ParameterRows
          items={value.choices}
          onChange={(choices) => onChange({ ...value, choices })}
          fields={[
            { name: 'label', label: t('markingSchemes.calc.choiceLabel'), grow: true },
            { name: 'deductionPct', label: pct, decimal: true },
          ]}
          blank={{ label: '', deductionPct: '0' }}
          addLabel={t('markingSchemes.editor.addChoice')}
          removeLabel={(n) => t('markingSchemes.editor.removeChoice', { n })}
        />
      )}
      {value.kind === 'RANGED_SCORE' && (
        <Stack gap={4}>
          <TextInput
            label={t('markingSchemes.calc.target')}
            inputMode="decimal"
            dir="ltr"
            value={value.target}
            onChange={(e) => onChange({ ...value, target: e.currentTarget.value })}
            w={200}
          />
          <ParameterRows
            items={value.ranges}
            onChange={(ranges) => onChange({ ...value, ranges })}
            fields={[
              { name: 'lower', label: t('markingSchemes.calc.lower'), decimal: true },
              { name: 'upper', label: t('markingSchemes.calc.upper'), decimal: true },
              { name: 'deductionPct', label: pct, decimal: true },
            ]}
            blank={{ lower: '0', upper: '0', deductionPct: '0' }}
            addLabel={t('markingSchemes.editor.addRange')}
            removeLabel={(n) => t('markingSchemes.editor.removeRange', { n })}
          />
        </Stack>
      )}
    </Stack>
  );
}
