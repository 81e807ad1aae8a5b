import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  TAspect,
  TMarkingScheme,
  TMeasurementCalculation,
  TSchemeSummary,
} from '../../../contracts/marking-schemes.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The calculation of a measurement aspect in words. */
export function calculationText(t: Translate, calc: TMeasurementCalculation): string {
  switch (calc.kind) {
    case 'PASS_FAIL':
      return t('markingSchemes.calc.PASS_FAIL');
    case 'NUMBER_COMPLETED':
      return t('markingSchemes.calc.numberCompletedText', { possible: calc.possible });
    case 'CHOICE':
      return t('markingSchemes.calc.choiceText', { count: calc.choices.length });
    case 'RANGED_SCORE':
      return t('markingSchemes.calc.rangedText', { target: calc.target, count: calc.ranges.length });
    case 'DEDUCT':
      return t('markingSchemes.calc.deductText', { perError: calc.perError });
  }
}

function AspectDetail({ aspect }: { aspect: TAspect }) {
  const { t } = useTranslation();
  if (aspect.type === 'J') {
    return (
      <List size="sm" spacing={2} listStyleType="none">
        {aspect.descriptors.map((d, level) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the four levels are fixed positions 0..3
          <List.Item key={level}>
            <Badge size="sm" variant="outline" me="xs">
              {level}
            </Badge>
            <span dir="auto">{d || t('markingSchemes.tree.missing')}</span>
          </List.Item>
        ))}
      </List>
    );
  }
  const calc = aspect.calculation;
  return (
    <Stack gap={2}>
      <Text size="sm">{calculationText(t, calc)}</Text>
      {calc.kind === 'CHOICE' && (
        <List size="sm" spacing={0}>
          {calc.choices.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: choices are numbered by position (CHOICE1..n)
            <List.Item key={i}>
              <span dir="auto">{c.label}</span>: {t('markingSchemes.calc.deduction', { pct: c.deductionPct })}
            </List.Item>
          ))}
        </List>
      )}
      {calc.kind === 'RANGED_SCORE' && (
        <List size="sm" spacing={0}>
          {calc.ranges.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ranges are numbered by position (RANGE1..n)
            <List.Item key={i}>
              <span dir="ltr">
                {r.lower} – {r.upper}
              </span>
              : {t('markingSchemes.calc.deduction', { pct: r.deductionPct })}
            </List.Item>
          ))}
        </List>
      )}
      {aspect.requirement && (
        <Text size="sm" c="dimmed" dir="auto">
          {t('markingSchemes.requirement')}: {aspect.requirement}
        </Text>
      )}
    </Stack>
  );
}

/** Criteria → sub-criteria (one marking form each, with its day) → aspects, read-only. */
export function SchemeTree({ scheme, summary }: { scheme: TMarkingScheme; summary: TSchemeSummary }) {
  const { t } = useTranslation();
  const sectionName = new Map(scheme.sections.map((s) => [s.number, s.name]));
  const criterionTotal = new Map(summary.criteria.map((c) => [c.key, c.total]));
  const subTotal = new Map(summary.subCriteria.map((s) => [s.key, s.total]));
  if (scheme.criteria.length === 0) {
    return <Text c="dimmed">{t('markingSchemes.tree.empty')}</Text>;
  }
  return (
    <Stack data-testid="scheme-tree">
      {scheme.criteria.map((c) => (
        <Stack key={c.key} gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {c.key} · <span dir="auto">{c.name}</span>
            </Title>
            <Text fw={600} dir="ltr">
              {criterionTotal.get(c.key)}
            </Text>
          </Group>
          {scheme.subCriteria
            .filter((sc) => sc.criterionKey === c.key)
            .map((sc) => (
              <Card key={sc.key} withBorder padding="sm">
                <Group justify="space-between" mb="xs">
                  <Group gap="xs">
                    <Title order={4} size="h5">
                      {sc.key} · <span dir="auto">{sc.name}</span>
                    </Title>
                    <Badge variant="light">
                      {t('markingSchemes.tree.day', { day: sc.dayOfMarking || '—' })}
                    </Badge>
                  </Group>
                  <Text fw={600} dir="ltr">
                    {subTotal.get(sc.key)}
                  </Text>
                </Group>
                <Table.ScrollContainer minWidth={640}>
                  <Table withTableBorder verticalSpacing={4} aria-label={`${sc.key} ${sc.name}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={70}>{t('markingSchemes.aspect')}</Table.Th>
                        <Table.Th w={130}>{t('markingSchemes.type')}</Table.Th>
                        <Table.Th>{t('markingSchemes.description')}</Table.Th>
                        <Table.Th>{t('markingSchemes.tree.howMarked')}</Table.Th>
                        <Table.Th w={80}>{t('markingSchemes.section')}</Table.Th>
                        <Table.Th w={80}>{t('markingSchemes.maxMark')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {scheme.aspects
                        .filter((a) => a.subCriterionKey === sc.key)
                        .map((a) => (
                          <Table.Tr key={a.key}>
                            <Table.Td>{a.key}</Table.Td>
                            <Table.Td>
                              <Badge color={a.type === 'J' ? 'grape' : 'blue'} variant="light">
                                {t(`markingSchemes.types.${a.type}`)}
                              </Badge>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" dir="auto">
                                {a.description}
                              </Text>
                              {a.extraDescription && (
                                <Text size="xs" c="dimmed" dir="auto">
                                  {a.extraDescription}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <AspectDetail aspect={a} />
                            </Table.Td>
                            <Table.Td title={sectionName.get(a.wsosSection)}>{a.wsosSection}</Table.Td>
                            <Table.Td dir="ltr">{a.maxMark}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
