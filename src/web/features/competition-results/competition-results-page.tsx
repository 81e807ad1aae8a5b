import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { pickLocalized } from '../../lib/localized';
import { useCompetitionResults } from './api';
import { CompetitionResultsView } from './competition-results-view';

/** /competitions/:competitionId/results — published results, medal table, Member comparison, awards. */
export function CompetitionResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '' } = useParams();
  const q = useCompetitionResults(competitionId);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.isError) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data.competition;
  const publicPath = `/public/competitions/${encodeURIComponent(c.organizationId)}/${encodeURIComponent(c.slug)}`;
  return (
    <>
      <PageHeader
        title={t('competitionResults.competitionTitle', { name: pickLocalized(c.names, locale) })}
        actions={
          <>
            <Button component="a" href={publicPath} target="_blank" rel="noopener" variant="default">
              {t('competitionResults.competition.publicPage')}
            </Button>
            <Button
              component="a"
              href={`${publicPath}/scoreboard`}
              target="_blank"
              rel="noopener"
              variant="default"
            >
              {t('competitionResults.competition.scoreboard')}
            </Button>
          </>
        }
      />
      <CompetitionResultsView
        data={q.data}
        showRaw
        skillLink={(skillId) => `/competitions/${competitionId}/skills/${skillId}/results`}
      />
    </>
  );
}
