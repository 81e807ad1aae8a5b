import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSchemeProblem, TSchemeValidation } from '../../../contracts/marking-schemes.js';
import { type Column, DataTable } from '../../components/data-table';
import { schemeProblemPlace, schemeProblemText } from './problem-codes';

const num = (value: string) => <span dir="ltr">{value}</span>;

function exceeds(variation: string, tolerance: number): boolean {
  return Number(variation) > tolerance;
}

/**
 * The marks table of a scheme (§1.7): total against 100, per WSOS section weight / sum / variation,
 * per criterion the measurement and judgement marks and aspect counts, and every problem with where it is.
 */
export function ValidationPanel({
  validation,
  sectionTolerance,
  headingOrder = 2,
}: {
  validation: TSchemeValidation;
  sectionTolerance: number;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { summary, problems } = validation;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const totalOk = summary.totals.total === '100.00';
  const sub = (headingOrder + 1) as 3 | 4;

  const problemColumns: Column<TSchemeProblem>[] = [
    {
      key: 'severity',
      header: t('markingSchemes.validation.severity'),
      noWrap: true,
      render: (p) => (
        <Badge color={p.severity === 'error' ? 'red' : 'yellow'} variant="light">
          {t(`markingSchemes.validation.severities.${p.severity}`)}
        </Badge>
      ),
    },
    {
      key: 'where',
      header: t('markingSchemes.validation.where'),
      noWrap: true,
      render: (p) => schemeProblemPlace(t, p),
    },
    {
      key: 'problem',
      header: t('markingSchemes.validation.problem'),
      render: (p) => schemeProblemText(t, p),
    },
  ];

  return (
    <Stack data-testid="validation-panel">
      <Title order={headingOrder} size="h4">
        {t('markingSchemes.validation.title')}
      </Title>
      <Group gap="md">
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {t('markingSchemes.validation.total')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fw={700} size="xl" c={totalOk ? undefined : 'red'} data-testid="scheme-total">
              {num(summary.totals.total)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('markingSchemes.validation.ofHundred')}
            </Text>
          </Group>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {t('markingSchemes.validation.aspects')}
          </Text>
          <Text fw={700} size="xl">
            {t('markingSchemes.validation.aspectCounts', {
              m: summary.totals.measurementAspects,
              j: summary.totals.judgementAspects,
            })}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {t('markingSchemes.validation.totalVariation')}
          </Text>
          <Text fw={700} size="xl">
            {num(summary.totalVariation)}
          </Text>
        </Card>
      </Group>
      {validation.valid ? (
        <Alert color="green" role="status">
          {warnings > 0
            ? t('markingSchemes.validation.validWithWarnings', { count: warnings })
            : t('markingSchemes.validation.valid')}
        </Alert>
      ) : (
        <Alert color="red" role="alert">
          {t('markingSchemes.validation.invalid', { count: errors })}
        </Alert>
      )}

      <Title order={sub} size="h5">
        {t('markingSchemes.validation.sections')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder aria-label={t('markingSchemes.validation.sections')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('markingSchemes.section')}</Table.Th>
              <Table.Th>{t('markingSchemes.name')}</Table.Th>
              <Table.Th>{t('markingSchemes.weight')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.sum')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.variation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.sections.map((s) => (
              <Table.Tr key={s.number}>
                <Table.Td>{s.number}</Table.Td>
                <Table.Td dir="auto">{s.name}</Table.Td>
                <Table.Td>{num(s.weight)}</Table.Td>
                <Table.Td>{num(s.sum)}</Table.Td>
                <Table.Td c={exceeds(s.variation, sectionTolerance) ? 'red' : undefined}>
                  {num(s.variation)}
                  {exceeds(s.variation, sectionTolerance) && (
                    <Text span size="xs" ms="xs">
                      {t('markingSchemes.validation.overTolerance', { tolerance: sectionTolerance })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={sub} size="h5">
        {t('markingSchemes.validation.criteria')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder aria-label={t('markingSchemes.validation.criteria')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('markingSchemes.criterion')}</Table.Th>
              <Table.Th>{t('markingSchemes.name')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.measurement')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.judgement')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.criterionTotal')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.mCount')}</Table.Th>
              <Table.Th>{t('markingSchemes.validation.jCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.criteria.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.key}</Table.Td>
                <Table.Td dir="auto">{c.name}</Table.Td>
                <Table.Td>{num(c.measurement)}</Table.Td>
                <Table.Td>{num(c.judgement)}</Table.Td>
                <Table.Td fw={600}>{num(c.total)}</Table.Td>
                <Table.Td>{c.measurementAspects}</Table.Td>
                <Table.Td>{c.judgementAspects}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>{t('markingSchemes.validation.total')}</Table.Td>
              <Table.Td>{num(summary.totals.measurement)}</Table.Td>
              <Table.Td>{num(summary.totals.judgement)}</Table.Td>
              <Table.Td>{num(summary.totals.total)}</Table.Td>
              <Table.Td>{summary.totals.measurementAspects}</Table.Td>
              <Table.Td>{summary.totals.judgementAspects}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={sub} size="h5">
        {t('markingSchemes.validation.problems')}
      </Title>
      <DataTable
        label={t('markingSchemes.validation.problems')}
        testId="scheme-problems"
        columns={problemColumns}
        rows={problems}
        rowKey={(p) =>
          `${p.code}-${p.sectionNumber ?? ''}-${p.criterionKey ?? ''}-${p.subCriterionKey ?? ''}-${p.aspectKey ?? ''}-${JSON.stringify(p.params)}`
        }
        empty={t('markingSchemes.validation.noProblems')}
      />
    </Stack>
  );
}
