import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDecideIntroduction, useIntroductions } from './demand-api';
import { iscoLabel } from './taxonomy';

/**
 * On the owner's page (personal link or account; `base` from selfBase): employers the college
 * proposes to introduce them to. Agreeing shows that employer (for that posting only) the owner's
 * name and e-mail; declining ends the proposal.
 */
export function IntroductionsCard({ base }: { base: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const intros = useIntroductions(base);
  const decide = useDecideIntroduction(base);
  const list = intros.data?.data ?? [];
  if (list.length === 0 && !intros.error) {
    return null;
  }
  return (
    <Card withBorder component="section" aria-labelledby="introductions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="introductions-title">
          {t('talent.demand.introductionsTitle')}
        </Title>
        <Text size="sm">{t('talent.demand.introductionsHint')}</Text>
        {(intros.error || decide.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, intros.error ?? decide.error)}
          </Alert>
        )}
        {list.map((i) => (
          <Card key={i.id} withBorder padding="sm">
            <Stack gap={4}>
              <Text fw={600} dir="auto">
                {i.enterpriseName}
              </Text>
              <Text size="sm">
                {iscoLabel(i.iscoCode)} — {countryName(i.country, locale)}
                {i.site && ` · ${i.site}`} —{' '}
                {t('talent.demand.startsOn', { date: formatDate(i.startDate, locale) })}
              </Text>
              {i.stage === 'proposed' ? (
                <Group gap="xs">
                  <Button
                    size="xs"
                    loading={
                      decide.isPending &&
                      decide.variables?.id === i.id &&
                      decide.variables.decision === 'agree'
                    }
                    onClick={() => decide.mutate({ id: i.id, version: i.version, decision: 'agree' })}
                  >
                    {t('talent.demand.agreeIntroduction')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={
                      decide.isPending &&
                      decide.variables?.id === i.id &&
                      decide.variables.decision === 'decline'
                    }
                    onClick={() => decide.mutate({ id: i.id, version: i.version, decision: 'decline' })}
                  >
                    {t('talent.demand.declineIntroduction')}
                  </Button>
                </Group>
              ) : (
                <Badge variant="light">{t(`talent.demand.stage.${i.stage}`)}</Badge>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
