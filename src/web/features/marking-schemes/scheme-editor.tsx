import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NavLink,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAspect, TMarkingScheme, TSchemeVersion } from '../../../contracts/marking-schemes.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { validateMarkingScheme } from '../../../domain/competitions/scheme-validation.js';
import { ErrorState } from '../../components/error-state';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { ApiError } from '../../lib/api';
import { useReplaceScheme } from './api';
import { CalculationEditor, defaultCalculation } from './calculation-editor';
import { ValidationPanel } from './validation-panel';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function nextCriterionKey(scheme: TMarkingScheme): string {
  const used = new Set(scheme.criteria.map((c) => c.key));
  return [...LETTERS].find((l) => !used.has(l)) ?? `X${scheme.criteria.length + 1}`;
}

function nextNumberedKey(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`${prefix}${n}`)) {
    n++;
  }
  return `${prefix}${n}`;
}

/** The same aspect as the other type: base fields kept, type-specific fields reset. */
function withType(aspect: TAspect, type: 'M' | 'J'): TAspect {
  const { key, subCriterionKey, description, extraDescription, maxMark, wsosSection } = aspect;
  const base = { key, subCriterionKey, description, extraDescription, maxMark, wsosSection };
  return type === 'M'
    ? { ...base, type: 'M', requirement: '', calculation: defaultCalculation('PASS_FAIL') }
    : { ...base, type: 'J', descriptors: ['', '', '', ''] };
}

function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      ×
    </ActionIcon>
  );
}

/**
 * The draft editor: sections, criteria, sub-criteria and aspects edited on the whole document, checked
 * live by the same domain validation as the server, and saved whole (409 when someone saved first).
 */
export function SchemeEditor({
  skillId,
  version,
  onReload,
}: {
  skillId: string;
  version: TSchemeVersion;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<TMarkingScheme>({ initialValues: version.scheme });
  const save = useReplaceScheme(skillId, version.id);
  const scheme = form.values;
  const [selected, setSelected] = useState<string | null>(scheme.subCriteria[0]?.key ?? null);
  const validation = useMemo(
    () => validateMarkingScheme(scheme as MarkingScheme, version.settings),
    [scheme, version.settings],
  );
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const sectionOptions = scheme.sections.map((s) => ({
    value: String(s.number),
    label: `${s.number} ${s.name}`.trim(),
  }));
  const errors = validation.problems.filter((p) => p.severity === 'error').length;

  function submit() {
    save.mutate(
      { version: version.version, scheme },
      {
        onSuccess: (v) => {
          form.setInitialValues(v.scheme);
          form.resetDirty(v.scheme);
          notifications.show({ color: 'green', message: t('markingSchemes.editor.saved') });
        },
      },
    );
  }

  // ----- cascades on keys ---------------------------------------------------------------------
  function renameCriterion(index: number, key: string) {
    const old = scheme.criteria[index]?.key;
    form.setValues({
      criteria: scheme.criteria.map((c, i) => (i === index ? { ...c, key } : c)),
      subCriteria: scheme.subCriteria.map((sc) =>
        sc.criterionKey === old ? { ...sc, criterionKey: key } : sc,
      ),
    });
  }

  function renameSubCriterion(index: number, key: string) {
    const old = scheme.subCriteria[index]?.key;
    form.setValues({
      subCriteria: scheme.subCriteria.map((sc, i) => (i === index ? { ...sc, key } : sc)),
      aspects: scheme.aspects.map((a) => (a.subCriterionKey === old ? { ...a, subCriterionKey: key } : a)),
    });
    if (selected === old) {
      setSelected(key);
    }
  }

  function addSubCriterion(criterionKey: string) {
    const key = nextNumberedKey(
      criterionKey,
      scheme.subCriteria.map((s) => s.key),
    );
    form.insertListItem('subCriteria', { key, criterionKey, name: '', dayOfMarking: '' });
    setSelected(key);
  }

  function removeSubCriterion(index: number) {
    const key = scheme.subCriteria[index]?.key;
    form.setValues({
      subCriteria: scheme.subCriteria.filter((_, i) => i !== index),
      aspects: scheme.aspects.filter((a) => a.subCriterionKey !== key),
    });
    setSelected(scheme.subCriteria.find((_, i) => i !== index)?.key ?? null);
  }

  function addAspect(subCriterionKey: string, type: 'M' | 'J') {
    const key = nextNumberedKey(
      `${subCriterionKey}.`,
      scheme.aspects.map((a) => a.key),
    );
    const base = {
      key,
      subCriterionKey,
      type: 'M' as const,
      description: '',
      extraDescription: '',
      maxMark: '0.50',
      wsosSection: scheme.sections[0]?.number ?? 1,
      requirement: '',
      calculation: defaultCalculation('PASS_FAIL'),
    };
    form.insertListItem('aspects', withType(base, type));
  }

  // ----- parts --------------------------------------------------------------------------------
  const sectionsTab = (
    <Stack>
      <Title order={3} size="h5">
        {t('markingSchemes.editor.sections')}
      </Title>
      <Table withTableBorder aria-label={t('markingSchemes.editor.sections')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('markingSchemes.section')}</Table.Th>
            <Table.Th>{t('markingSchemes.name')}</Table.Th>
            <Table.Th w={130}>{t('markingSchemes.weight')}</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.sections.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the number itself is editable
            <Table.Tr key={i}>
              <Table.Td>
                <NumberInput
                  aria-label={t('markingSchemes.section')}
                  min={1}
                  max={99}
                  allowDecimal={false}
                  {...form.getInputProps(`sections.${i}.number`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('markingSchemes.name')}
                  {...form.getInputProps(`sections.${i}.name`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('markingSchemes.weight')}
                  inputMode="decimal"
                  dir="ltr"
                  {...form.getInputProps(`sections.${i}.weight`)}
                />
              </Table.Td>
              <Table.Td>
                <RemoveButton
                  label={t('markingSchemes.editor.removeSection', { number: s.number })}
                  onClick={() => form.removeListItem('sections', i)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="light"
          onClick={() =>
            form.insertListItem('sections', {
              number: Math.max(0, ...scheme.sections.map((s) => s.number)) + 1,
              name: '',
              weight: '0',
            })
          }
        >
          {t('markingSchemes.editor.addSection')}
        </Button>
      </Group>

      <Title order={3} size="h5">
        {t('markingSchemes.editor.criteria')}
      </Title>
      <Table withTableBorder aria-label={t('markingSchemes.editor.criteria')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('markingSchemes.criterion')}</Table.Th>
            <Table.Th>{t('markingSchemes.name')}</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.criteria.map((c, i) => {
            const used = scheme.subCriteria.some((sc) => sc.criterionKey === c.key);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the key itself is editable
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('markingSchemes.criterion')}
                    value={c.key}
                    onChange={(e) => renameCriterion(i, e.currentTarget.value.toUpperCase())}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('markingSchemes.name')}
                    {...form.getInputProps(`criteria.${i}.name`)}
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={
                      used
                        ? t('markingSchemes.editor.criterionInUse', { key: c.key })
                        : t('markingSchemes.editor.removeCriterion', { key: c.key })
                    }
                    disabled={used}
                    onClick={() => form.removeListItem('criteria', i)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="light"
          onClick={() => form.insertListItem('criteria', { key: nextCriterionKey(scheme), name: '' })}
        >
          {t('markingSchemes.editor.addCriterion')}
        </Button>
      </Group>
    </Stack>
  );

  const scIndex = scheme.subCriteria.findIndex((sc) => sc.key === selected);
  const sc = scIndex >= 0 ? scheme.subCriteria[scIndex] : undefined;
  const subTotals = new Map(validation.summary.subCriteria.map((s) => [s.key, s.total]));

  const aspectsTab = (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap={4} component="nav" aria-label={t('markingSchemes.editor.subCriteria')}>
          {scheme.criteria.map((c) => (
            <Stack key={c.key} gap={0}>
              <Text fw={600} size="sm">
                {c.key} · <span dir="auto">{c.name}</span>
              </Text>
              {scheme.subCriteria
                .filter((s) => s.criterionKey === c.key)
                .map((s) => (
                  <NavLink
                    key={s.key}
                    component="button"
                    type="button"
                    active={s.key === selected}
                    label={`${s.key} ${s.name}`}
                    description={subTotals.get(s.key)}
                    onClick={() => setSelected(s.key)}
                  />
                ))}
              <Button size="compact-xs" variant="subtle" onClick={() => addSubCriterion(c.key)}>
                {t('markingSchemes.editor.addSubCriterion', { key: c.key })}
              </Button>
            </Stack>
          ))}
          {scheme.criteria.length === 0 && (
            <Text c="dimmed">{t('markingSchemes.editor.addCriteriaFirst')}</Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {sc ? (
          <Stack>
            <Card withBorder>
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t('markingSchemes.subCriterion')}
                  value={sc.key}
                  onChange={(e) => renameSubCriterion(scIndex, e.currentTarget.value.toUpperCase())}
                  w={110}
                />
                <TextInput
                  label={t('markingSchemes.name')}
                  style={{ flex: 1, minWidth: 200 }}
                  {...form.getInputProps(`subCriteria.${scIndex}.name`)}
                />
                <TextInput
                  label={t('markingSchemes.dayOfMarking')}
                  w={120}
                  {...form.getInputProps(`subCriteria.${scIndex}.dayOfMarking`)}
                />
                <Select
                  label={t('markingSchemes.criterion')}
                  data={scheme.criteria.map((c) => ({ value: c.key, label: `${c.key} ${c.name}` }))}
                  allowDeselect={false}
                  w={180}
                  {...form.getInputProps(`subCriteria.${scIndex}.criterionKey`)}
                />
                <Button variant="subtle" color="red" onClick={() => removeSubCriterion(scIndex)}>
                  {t('markingSchemes.editor.removeSubCriterion', { key: sc.key })}
                </Button>
              </Group>
            </Card>
            {scheme.aspects.map((a, i) =>
              a.subCriterionKey !== sc.key ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the aspect's key is editable; its position is stable
                <Card key={i} withBorder data-testid={`aspect-editor-${a.key}`}>
                  <Stack gap="xs">
                    <Group align="flex-end" wrap="wrap">
                      <TextInput
                        label={t('markingSchemes.aspect')}
                        w={100}
                        {...form.getInputProps(`aspects.${i}.key`)}
                      />
                      <SegmentedControl
                        aria-label={t('markingSchemes.type')}
                        value={a.type}
                        onChange={(v) => form.replaceListItem('aspects', i, withType(a, v as 'M' | 'J'))}
                        data={[
                          { value: 'M', label: t('markingSchemes.types.M') },
                          { value: 'J', label: t('markingSchemes.types.J') },
                        ]}
                      />
                      <TextInput
                        label={t('markingSchemes.maxMark')}
                        inputMode="decimal"
                        dir="ltr"
                        w={110}
                        {...form.getInputProps(`aspects.${i}.maxMark`)}
                      />
                      <Select
                        label={t('markingSchemes.section')}
                        data={sectionOptions}
                        w={220}
                        allowDeselect={false}
                        value={String(a.wsosSection)}
                        onChange={(v) => v && form.setFieldValue(`aspects.${i}.wsosSection`, Number(v))}
                      />
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem('aspects', i)}
                        aria-label={t('markingSchemes.editor.removeAspect', { key: a.key })}
                      >
                        {t('markingSchemes.editor.remove')}
                      </Button>
                    </Group>
                    <Textarea
                      label={t('markingSchemes.description')}
                      autosize
                      minRows={1}
                      {...form.getInputProps(`aspects.${i}.description`)}
                    />
                    <Textarea
                      label={t('markingSchemes.extraDescription')}
                      autosize
                      minRows={1}
                      {...form.getInputProps(`aspects.${i}.extraDescription`)}
                    />
                    {a.type === 'M' ? (
                      <>
                        <TextInput
                          label={t('markingSchemes.requirement')}
                          {...form.getInputProps(`aspects.${i}.requirement`)}
                        />
                        <CalculationEditor
                          idPrefix={`aspect-${i}`}
                          value={a.calculation}
                          onChange={(calc) => form.setFieldValue(`aspects.${i}.calculation`, calc)}
                        />
                      </>
                    ) : (
                      [0, 1, 2, 3].map((level) => (
                        <Textarea
                          key={level}
                          label={t('markingSchemes.editor.descriptor', { level })}
                          autosize
                          minRows={1}
                          {...form.getInputProps(`aspects.${i}.descriptors.${level}`)}
                        />
                      ))
                    )}
                  </Stack>
                </Card>
              ),
            )}
            <Group>
              <Button variant="light" onClick={() => addAspect(sc.key, 'M')}>
                {t('markingSchemes.editor.addMeasurement')}
              </Button>
              <Button variant="light" onClick={() => addAspect(sc.key, 'J')}>
                {t('markingSchemes.editor.addJudgement')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text c="dimmed">{t('markingSchemes.editor.pickSubCriterion')}</Text>
        )}
      </Grid.Col>
    </Grid>
  );

  return (
    <Stack>
      <Card withBorder padding="sm" pos="sticky" top={0} style={{ zIndex: 2 }}>
        <Group justify="space-between">
          <Group gap="md">
            <Text>
              {t('markingSchemes.validation.total')}:{' '}
              <Text
                span
                fw={700}
                c={validation.summary.totals.total === '100.00' ? undefined : 'red'}
                dir="ltr"
              >
                {validation.summary.totals.total}
              </Text>
            </Text>
            {errors > 0 ? (
              <Badge color="red" variant="light">
                {t('markingSchemes.validation.invalid', { count: errors })}
              </Badge>
            ) : (
              <Badge color="green" variant="light">
                {t('markingSchemes.validation.valid')}
              </Badge>
            )}
            {form.isDirty() && <Badge variant="outline">{t('markingSchemes.editor.unsaved')}</Badge>}
          </Group>
          <Group gap="xs">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t('markingSchemes.editor.discard')}
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Card>
      {conflict ? (
        <VersionConflictAlert
          onReload={() => {
            save.reset();
            onReload();
          }}
        />
      ) : (
        save.error && <ErrorState error={save.error} />
      )}
      {version.status !== 'draft' && <Alert color="orange">{t('markingSchemes.editor.notDraft')}</Alert>}
      <Tabs defaultValue="aspects" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="aspects">{t('markingSchemes.editor.subCriteria')}</Tabs.Tab>
          <Tabs.Tab value="structure">{t('markingSchemes.editor.structure')}</Tabs.Tab>
          <Tabs.Tab value="check">{t('markingSchemes.editor.check')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="aspects" pt="md">
          {aspectsTab}
        </Tabs.Panel>
        <Tabs.Panel value="structure" pt="md">
          {sectionsTab}
        </Tabs.Panel>
        <Tabs.Panel value="check" pt="md">
          <ValidationPanel
            validation={validation}
            sectionTolerance={version.settings.sectionTolerance}
            headingOrder={3}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
