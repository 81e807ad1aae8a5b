import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCompetitionResults } from '../../../contracts/competition-results.js';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { AwardsSection, MedalTable, MemberComparisonTable, SkillResultsTable } from './results-tables';

/**
 * The body of a competition's results, shared by the signed-in page and the public page: medal table,
 * awards, Member comparison, marking progress, and the table of every published skill.
 * `skillLink` turns a skill into a link (signed-in page only).
 */
export function CompetitionResultsView({
  data,
  skillLink,
  showRaw,
}: {
  data: TCompetitionResults;
  skillLink?: (skillId: string) => string;
  showRaw: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pending = data.progress.filter((p) => p.state === 'pending');
  return (
    <Stack gap="lg">
      {data.skills.length === 0 && (
        <Card withBorder>
          <Text>{t('competitionResults.competition.noneYet')}</Text>
        </Card>
      )}
      {data.skills.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder component="section" aria-labelledby="medal-table">
            <Title order={2} size="h3" id="medal-table" mb="xs">
              {t('competitionResults.competition.medalTable')}
            </Title>
            <MedalTable
              rows={data.medalTable}
              caption={t('competitionResults.competition.medalTableCaption')}
            />
          </Card>
          <Card withBorder component="section">
            <AwardsSection data={data} />
          </Card>
        </SimpleGrid>
      )}
      {data.memberComparison.length > 0 && (
        <Card withBorder component="section" aria-labelledby="member-comparison">
          <Title order={2} size="h3" id="member-comparison" mb="xs">
            {t('competitionResults.competition.comparison')}
          </Title>
          <MemberComparisonTable
            rows={data.memberComparison}
            caption={t('competitionResults.competition.comparisonCaption')}
          />
        </Card>
      )}
      {data.skills.map((s) => {
        const name = t('competitionResults.skillName', {
          number: s.number,
          name: pickLocalized(s.names, locale),
        });
        return (
          <Card withBorder component="section" key={s.id} aria-labelledby={`skill-${s.id}`}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h3" id={`skill-${s.id}`}>
                {skillLink ? (
                  <Anchor component={Link} to={skillLink(s.id)} inherit>
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
              </Title>
              {s.publishedAt && (
                <Text size="sm" c="dimmed">
                  {t('competitionResults.publishedOn', {
                    date: formatDate(s.publishedAt.slice(0, 10), locale),
                  })}
                </Text>
              )}
            </Group>
            <SkillResultsTable rows={s.rows} caption={name} showRaw={showRaw} />
          </Card>
        );
      })}
      {pending.length > 0 && (
        <Card withBorder component="section" aria-labelledby="pending-skills">
          <Title order={2} size="h3" id="pending-skills" mb="xs">
            {t('competitionResults.competition.pending')}
          </Title>
          <Stack gap="xs">
            {pending.map((p) => {
              const name = t('competitionResults.skillName', {
                number: p.number,
                name: pickLocalized(p.names, locale),
              });
              return (
                <div key={p.id}>
                  <Group justify="space-between">
                    {skillLink ? (
                      <Anchor component={Link} to={skillLink(p.id)} size="sm">
                        {name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{name}</Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {t('competitionResults.completeness', { locked: p.formsLocked, total: p.formsTotal })}
                    </Text>
                  </Group>
                  <Progress
                    value={p.formsTotal === 0 ? 0 : (100 * p.formsLocked) / p.formsTotal}
                    aria-label={name}
                    size="sm"
                  />
                </div>
              );
            })}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
