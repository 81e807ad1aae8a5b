import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TAwardWinner,
  TCompetitionResults,
  TMedalTableRow,
  TMemberComparisonRow,
  TResultMedal,
  TResultMember,
  TSkillResultRow,
} from '../../../contracts/competition-results.js';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';

// Tables shared by the signed-in results pages and the public page: semantic <table>s with a caption.

const MEDAL_COLORS: Record<TResultMedal, string> = {
  gold: 'yellow',
  silver: 'gray',
  // Mantine's orange under white text is too faint (3.0:1); this bronze keeps 5.6:1 (WCAG AA).
  bronze: '#a0522d',
  medallion: 'teal',
  none: 'gray',
};

export function MedalBadge({
  medal,
  size = 'md',
}: {
  medal: TResultMedal;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  if (medal === 'none') {
    return <Text c="dimmed">{t('competitionResults.medals.none')}</Text>;
  }
  return (
    <Badge color={MEDAL_COLORS[medal]} variant={medal === 'medallion' ? 'light' : 'filled'} size={size}>
      {t(`competitionResults.medals.${medal}`)}
    </Badge>
  );
}

export function memberLabel(member: TResultMember, locale: string): string {
  const name = pickLocalized(member.names, locale);
  return name && name !== member.code ? `${member.code} · ${name}` : member.code;
}

function Entrant({ row }: { row: Pick<TSkillResultRow, 'displayName' | 'competitors'> }) {
  const others = row.competitors.filter((c) => c !== row.displayName);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} dir="auto">
        {row.displayName}
      </Text>
      {others.length > 0 && (
        <Text size="xs" c="dimmed" dir="auto">
          {others.join(', ')}
        </Text>
      )}
    </Stack>
  );
}

export function SkillResultsTable({
  rows,
  caption,
  showRaw = true,
  showScale = false,
}: {
  rows: TSkillResultRow[];
  caption: string;
  showRaw?: boolean;
  showScale?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('competitionResults.columns.position')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.columns.entrant')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.columns.member')}</Table.Th>
            {showRaw && <Table.Th scope="col">{t('competitionResults.columns.raw')}</Table.Th>}
            {showScale && <Table.Th scope="col">{t('competitionResults.columns.scale')}</Table.Th>}
            <Table.Th scope="col">{t('competitionResults.columns.points')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.columns.medal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.entryId}>
              <Table.Td>
                {r.position ??
                  (r.excluded ? <Badge color="gray">{t('competitionResults.excluded')}</Badge> : '—')}
              </Table.Td>
              <Table.Td>
                <Entrant row={r} />
              </Table.Td>
              <Table.Td>{memberLabel(r.member, locale)}</Table.Td>
              {showRaw && (
                <Table.Td dir="ltr" title={r.rawTotalExact}>
                  {r.rawTotal}
                </Table.Td>
              )}
              {showScale && (
                <Table.Td dir="ltr">
                  {r.scaleUnrounded === null
                    ? '—'
                    : formatNumber(Number(r.scaleUnrounded), locale, { maximumFractionDigits: 4 })}
                </Table.Td>
              )}
              <Table.Td fw={600}>{r.points ?? '—'}</Table.Td>
              <Table.Td>
                <MedalBadge medal={r.medal} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function MedalTable({ rows, caption }: { rows: TMedalTableRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('competitionResults.table.member')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.medals.gold')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.medals.silver')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.medals.bronze')}</Table.Th>
            <Table.Th scope="col">{t('competitionResults.table.medallions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.member.id}>
              <Table.Th scope="row" fw={500}>
                {memberLabel(r.member, locale)}
              </Table.Th>
              <Table.Td>{r.gold}</Table.Td>
              <Table.Td>{r.silver}</Table.Td>
              <Table.Td>{r.bronze}</Table.Td>
              <Table.Td>{r.medallions}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const COMPARISON_SORTS = [
  'medalPoints',
  'averageMedalPoints',
  'totalPoints',
  'averagePoints',
  'alphabetical',
] as const;
type ComparisonSort = (typeof COMPARISON_SORTS)[number];

function sortComparison(
  rows: TMemberComparisonRow[],
  by: ComparisonSort,
  locale: string,
): TMemberComparisonRow[] {
  const list = [...rows];
  const name = (r: TMemberComparisonRow) => memberLabel(r.member, locale);
  if (by === 'alphabetical') {
    return list.sort((a, b) => name(a).localeCompare(name(b), locale));
  }
  return list.sort((a, b) => Number(b[by]) - Number(a[by]) || name(a).localeCompare(name(b), locale));
}

/** The five CIS Member reports in one table with a sort switch. */
export function MemberComparisonTable({ rows, caption }: { rows: TMemberComparisonRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [by, setBy] = useState<ComparisonSort>('medalPoints');
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" id="comparison-sort">
          {t('competitionResults.sortBy')}
        </Text>
        <SegmentedControl
          aria-labelledby="comparison-sort"
          size="xs"
          value={by}
          onChange={(v) => setBy(v as ComparisonSort)}
          data={COMPARISON_SORTS.map((s) => ({ value: s, label: t(`competitionResults.sort.${s}`) }))}
        />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped captionSide="top">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('competitionResults.table.member')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.table.skillsEntered')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.table.entrants')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.medals.gold')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.medals.silver')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.medals.bronze')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.table.medallions')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.sort.medalPoints')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.sort.averageMedalPoints')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.sort.totalPoints')}</Table.Th>
              <Table.Th scope="col">{t('competitionResults.sort.averagePoints')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortComparison(rows, by, locale).map((r) => (
              <Table.Tr key={r.member.id}>
                <Table.Th scope="row" fw={500}>
                  {memberLabel(r.member, locale)}
                </Table.Th>
                <Table.Td>{r.skillsEntered}</Table.Td>
                <Table.Td>{r.entrants}</Table.Td>
                <Table.Td>{r.gold}</Table.Td>
                <Table.Td>{r.silver}</Table.Td>
                <Table.Td>{r.bronze}</Table.Td>
                <Table.Td>{r.medallions}</Table.Td>
                <Table.Td fw={600}>{r.medalPoints}</Table.Td>
                <Table.Td dir="ltr">{r.averageMedalPoints}</Table.Td>
                <Table.Td>{r.totalPoints}</Table.Td>
                <Table.Td dir="ltr">{r.averagePoints}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function WinnerLine({ w }: { w: TAwardWinner }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Text size="sm" dir="auto">
      <strong>{w.displayName}</strong>
      {w.competitors.length > 1 && ` (${w.competitors.join(', ')})`} — {memberLabel(w.member, locale)} —{' '}
      {t('competitionResults.skillName', {
        number: w.skillNumber,
        name: pickLocalized(w.skillNames, locale),
      })}{' '}
      — {t('competitionResults.pointsValue', { points: w.points })}
    </Text>
  );
}

export function AwardsSection({ data }: { data: TCompetitionResults }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md">
      <section aria-labelledby="albert-vidal">
        <Text component="h3" id="albert-vidal" fw={700} size="lg">
          {t('competitionResults.competition.albertVidal')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('competitionResults.competition.albertVidalExplain')}
        </Text>
        {data.albertVidal.length === 0 ? (
          <Text size="sm">{t('competitionResults.competition.noneYet')}</Text>
        ) : (
          data.albertVidal.map((w) => <WinnerLine key={`${w.skillId}-${w.entryId}`} w={w} />)
        )}
      </section>
      <section aria-labelledby="best-of-nation">
        <Text component="h3" id="best-of-nation" fw={700} size="lg">
          {t('competitionResults.competition.bestOfNation')}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('competitionResults.table.member')}</Table.Th>
                <Table.Th scope="col">{t('competitionResults.table.winners')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.bestOfNation.map((b) => (
                <Table.Tr key={b.member.id}>
                  <Table.Th scope="row" fw={500}>
                    {memberLabel(b.member, locale)}
                  </Table.Th>
                  <Table.Td>
                    {b.winners.map((w) => (
                      <WinnerLine key={`${w.skillId}-${w.entryId}`} w={w} />
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}
