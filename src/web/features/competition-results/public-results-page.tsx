import { Alert, Anchor, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { FullPageLoader } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { usePublicCompetition } from './api';
import { CompetitionResultsView } from './competition-results-view';

/** Sets the document title while a public page is shown (search engines and browser tabs read it). */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (!title) {
      return;
    }
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

/** Public, no sign-in: /public/competitions/:orgKey/:competitionSlug — published results and medal table. */
export function PublicResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { orgKey = '', competitionSlug = '' } = useParams();
  const q = usePublicCompetition(orgKey, competitionSlug);
  const name = q.data ? pickLocalized(q.data.competition.names, locale) : null;
  useDocumentTitle(name ? t('competitionResults.publicTitle', { name }) : null);
  const c = q.data?.competition;
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {c?.hostName || t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Container size="lg" component="main" pb="xl">
        {q.isPending && <FullPageLoader />}
        {q.isError && (
          <Alert color={q.error instanceof ApiError && q.error.status === 404 ? 'gray' : 'red'} role="alert">
            {q.error instanceof ApiError && q.error.status === 404
              ? t('competitionResults.public.notFound')
              : errorMessage(t, q.error)}
          </Alert>
        )}
        {q.data && c && (
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1}>{name}</Title>
              <Text c="dimmed">
                {t('competitionResults.public.dates', {
                  from: formatDate(c.startsOn, locale),
                  to: formatDate(c.endsOn, locale),
                })}
                {[c.venue, c.city].filter(Boolean).length > 0 &&
                  ` · ${[c.venue, c.city].filter(Boolean).join(', ')}`}
              </Text>
              <Anchor href={`${window.location.pathname.replace(/\/$/, '')}/scoreboard`} size="sm">
                {t('competitionResults.competition.scoreboard')}
              </Anchor>
            </Stack>
            <CompetitionResultsView data={q.data} showRaw={false} />
          </Stack>
        )}
      </Container>
    </Box>
  );
}
