import { Alert, Box, Button, Card, Container, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TVerification } from '../../../contracts/certificates.js';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { FullPageLoader } from '../../app/session';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { usePublicVerification, useVerifyJwt } from './api';
import { CertificateStatusBadge } from './status-badge';

const COLORS: Record<string, string> = {
  valid: 'green',
  revoked: 'red',
  expired: 'orange',
  unknown: 'gray',
  invalid: 'red',
};

function Result({ v }: { v: TVerification }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const c = v.certificate;
  return (
    <Stack>
      <Alert color={COLORS[v.status]} title={t(`certificates.verify.result.${v.status}`)} role="status">
        {t(`certificates.verify.explain.${v.status}`)}
        {c?.revokedReason && (
          <Text size="sm" mt={4}>
            {t('certificates.fields.reason')}: {c.revokedReason}
          </Text>
        )}
      </Alert>
      {c && (
        <Card withBorder>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text c="dimmed">{c.number}</Text>
              <CertificateStatusBadge status={v.status} />
            </Group>
            <Title order={2} size="h3" dir="auto">
              {c.recipientNameNative || c.recipientNameLatin}
            </Title>
            {c.recipientNameNative && <Text dir="auto">{c.recipientNameLatin}</Text>}
            <Text fw={600} dir="auto">
              {pickLocalized(c.programmeTitle, locale)}
            </Text>
            {c.startsOn && c.endsOn && (
              <Text size="sm">
                {formatDate(c.startsOn, locale)} – {formatDate(c.endsOn, locale)}
              </Text>
            )}
            {c.hours > 0 && <Text size="sm">{t('certificates.verify.hours', { count: c.hours })}</Text>}
            <Text size="sm">
              {t('certificates.verify.issuedBy', {
                issuer: c.issuerName,
                date: formatDate(c.issuedAt.slice(0, 10), locale),
              })}
            </Text>
            {c.validUntil && (
              <Text size="sm">
                {t('certificates.verify.validUntil', { date: formatDate(c.validUntil.slice(0, 10), locale) })}
              </Text>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function JwtForm() {
  const { t } = useTranslation();
  const verify = useVerifyJwt();
  const [jwt, setJwt] = useState('');
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('certificates.verify.pasteTitle')}
        </Title>
        <Textarea
          label={t('certificates.verify.pasteLabel')}
          description={t('certificates.verify.pasteHelp')}
          autosize
          minRows={3}
          maxRows={8}
          dir="ltr"
          value={jwt}
          onChange={(e) => setJwt(e.currentTarget.value)}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        />
        <Group>
          <Button
            loading={verify.isPending}
            disabled={jwt.trim().length < 10}
            onClick={() => verify.mutate(jwt.trim())}
          >
            {t('certificates.verify.check')}
          </Button>
        </Group>
        {verify.isError && <Alert color="red">{errorMessage(t, verify.error)}</Alert>}
        {verify.data && <Result v={verify.data} />}
      </Stack>
    </Card>
  );
}

/** Public: /verify/:publicId (the certificate's QR code) and /verify (paste a credential). No sign-in. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { publicId } = useParams();
  const q = usePublicVerification(publicId);
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Container size="sm" component="main" pb="xl">
        <Stack>
          <Title order={1} size="h2">
            {t('certificates.verify.title')}
          </Title>
          {publicId && q.isPending && <FullPageLoader />}
          {publicId && q.isError && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
          {q.data && <Result v={q.data} />}
          <JwtForm />
        </Stack>
      </Container>
    </Box>
  );
}
