import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useParticipantAchievements } from './api';
import { MedalBadge } from './results-tables';

/** "Competition results" section of a training participant: published points, positions and medals. */
export function ParticipantCompetitionResults({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const q = useParticipantAchievements(participantId);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`results-${participantId}`}>
      <Title order={3} size="h5" id={`results-${participantId}`}>
        {t('competitionResults.profile.title')}
      </Title>
      {q.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('competitionResults.profile.empty')}
        </Text>
      )}
      {q.data && q.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('competitionResults.profile.competition')}</Table.Th>
                <Table.Th scope="col">{t('competitionResults.table.skill')}</Table.Th>
                <Table.Th scope="col">{t('competitionResults.columns.position')}</Table.Th>
                <Table.Th scope="col">{t('competitionResults.columns.points')}</Table.Th>
                <Table.Th scope="col">{t('competitionResults.columns.medal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.data.map((a) => (
                <Table.Tr key={`${a.skillId}-${a.entryId}`}>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {pickLocalized(a.competitionNames, locale)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(a.startsOn, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t('competitionResults.skillName', {
                      number: a.skillNumber,
                      name: pickLocalized(a.skillNames, locale),
                    })}
                    {a.teamBased && ` · ${t('competitionResults.profile.team')}`}
                  </Table.Td>
                  <Table.Td>{a.position}</Table.Td>
                  <Table.Td fw={600}>{a.points}</Table.Td>
                  <Table.Td>
                    <MedalBadge medal={a.medal} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
