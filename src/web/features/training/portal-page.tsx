import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { FullPageLoader } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatBytes, formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { httpHref } from '../../lib/safe-url';
import { CertificateStatusBadge } from '../certificates/status-badge';
import { usePortal } from './api';

/** The participant's own page, reached by a personal link: no sign-in, no navigation of the app. */
export function PortalPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { token } = useParams();
  const q = usePortal(token);
  let body: React.ReactNode;
  if (q.isPending) {
    body = <FullPageLoader />;
  } else if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    body = (
      <Alert color={notFound ? 'orange' : 'red'} role="alert" title={t('training.portal.unavailableTitle')}>
        {notFound ? t('training.portal.notFound') : t('common.errorTitle')}
      </Alert>
    );
  } else {
    const p = q.data;
    body = (
      <Stack>
        <Stack gap={2}>
          <Text c="dimmed">{t('training.portal.welcome')}</Text>
          <Title order={1} size="h2">
            {p.participant.nameLatin}
            {p.participant.nameNative && (
              <Text span c="dimmed" ms="sm" dir="auto" inherit>
                {p.participant.nameNative}
              </Text>
            )}
          </Title>
        </Stack>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4" dir="auto">
              {pickLocalized(p.programme.title, locale)}
            </Title>
            <Group gap="xs">
              <Text>{p.cohort.name}</Text>
              <Text c="dimmed">
                {formatDate(p.cohort.startsOn, locale)} – {formatDate(p.cohort.endsOn, locale)}
              </Text>
              <Badge variant="light">{t(`training.statuses.${p.enrolment.status}`)}</Badge>
              {p.enrolment.waitlistPosition !== null && (
                <Badge color="orange" variant="light">
                  {t('training.enrolment.waitlisted', { position: p.enrolment.waitlistPosition })}
                </Badge>
              )}
            </Group>
            {p.programme.description && <Text dir="auto">{p.programme.description}</Text>}
            {p.programme.learningOutcomes.length > 0 && (
              <>
                <Text fw={600}>{t('training.programme.outcomes')}</Text>
                <List>
                  {p.programme.learningOutcomes.map((o) => (
                    <List.Item key={JSON.stringify(o)}>
                      <span dir="auto">{pickLocalized(o, locale)}</span>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Card>
        <Title order={2} size="h4">
          {t('training.portal.schedule')}
        </Title>
        {p.schedule.length === 0 && <Text c="dimmed">{t('training.portal.noSchedule')}</Text>}
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {p.schedule.map((s) => (
            <Card key={s.id} withBorder component="li">
              <Text fw={600} dir="auto">
                {s.title}
              </Text>
              <Text size="sm">
                {formatDateTime(s.startsAt, locale, s.timeZone)} –{' '}
                {formatDateTime(s.endsAt, locale, s.timeZone)} ({s.timeZone})
              </Text>
              <Text size="sm" c="dimmed">
                {t('training.portal.yourTime', { time: formatDateTime(s.startsAt, locale) })}
              </Text>
              {s.venue && (
                <Text size="sm" dir="auto">
                  {s.venue}
                </Text>
              )}
              {httpHref(s.onlineUrl) && (
                <Anchor
                  href={httpHref(s.onlineUrl)}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  dir="ltr"
                >
                  {t('training.portal.joinOnline')}
                </Anchor>
              )}
              {(s.language || s.interpreter) && (
                <Text size="sm" c="dimmed">
                  {[
                    s.language,
                    s.interpreter && t('training.session.interpreterValue', { name: s.interpreter }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
        {p.materials.length > 0 && (
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('training.portal.materials')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('training.portal.materialsHint')}
              </Text>
              <List>
                {p.materials.map((m) => (
                  <List.Item key={m.id}>
                    <Anchor
                      href={m.url}
                      download={m.fileName}
                      dir="auto"
                      aria-label={t('training.portal.downloadMaterial', { title: m.title })}
                    >
                      {m.title}
                    </Anchor>
                    <Text span size="sm" c="dimmed" ms="xs">
                      {t('training.portal.materialFile', {
                        fileName: m.fileName,
                        size: formatBytes(m.sizeBytes, locale),
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Card>
        )}
        {p.certificate && (
          <Card withBorder>
            <Group gap="sm">
              <Title order={2} size="h4">
                {t('training.portal.certificate')}
              </Title>
              <CertificateStatusBadge status={p.certificate.status} />
            </Group>
            <Text size="sm" mt="xs">
              {t('training.portal.certificateNumber', { number: p.certificate.number })} ·{' '}
              {t('training.portal.certificateIssued', { date: formatDate(p.certificate.issuedAt, locale) })}
            </Text>
            {p.certificate.downloads ? (
              <Group gap="sm" mt="sm">
                <Button component="a" href={p.certificate.downloads.pdf}>
                  {t('training.portal.downloadCertificate')}
                </Button>
                <Button component="a" href={p.certificate.downloads.json} variant="default">
                  {t('training.portal.downloadCredential')}
                </Button>
              </Group>
            ) : (
              p.certificate.status === 'revoked' && (
                <Text size="sm" c="red" mt="xs">
                  {t('training.portal.certificateRevoked')}
                </Text>
              )
            )}
            <Text size="sm" mt="xs">
              <Anchor href={p.certificate.verifyUrl} inherit>
                {t('training.portal.verifyCertificate')}
              </Anchor>
            </Text>
          </Card>
        )}
      </Stack>
    );
  }
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Container component="main" size="md" py="md">
        {body}
      </Container>
    </Box>
  );
}
