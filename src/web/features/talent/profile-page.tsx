import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TTalentProfile } from '../../../contracts/talent.js';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { AccountCard } from './account-card';
import {
  exportUrl,
  useCollegeSkills,
  useDeleteTalentProfile,
  useRecordConsent,
  useSendLink,
  useTalentProfile,
  useWithdrawConsent,
} from './api';
import { ConsentBadge } from './consent-badge';
import { EscoUri } from './skills-esco';
import { escoStateOf, iscoLabel, skillLabel } from './taxonomy';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function ConsentPanel({ p }: { p: TTalentProfile }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [scope, setScope] = useState<string>('match');
  const [note, setNote] = useState('');
  const record = useRecordConsent(p.id);
  const withdraw = useWithdrawConsent(p.id);
  const error = record.error ?? withdraw.error;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('talent.consentLabel')}
          </Title>
          <ConsentBadge state={p.consentState} scope={p.consent?.scope ?? null} />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`talent.consentExplained.${p.consentState}`)}
        </Text>
        {p.abilities.manageConsent && (
          <Stack gap="xs">
            <Textarea
              label={t('talent.consentNote')}
              description={t('talent.consentNoteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <Group align="flex-end">
              <Select
                label={t('talent.scopeLabel')}
                data={(['match', 'match_and_introduce'] as const).map((s) => ({
                  value: s,
                  label: t(`talent.scope.${s}`),
                }))}
                value={scope}
                onChange={(v) => setScope(v ?? 'match')}
                allowDeselect={false}
                w={260}
              />
              <Button
                disabled={note.trim() === ''}
                loading={record.isPending}
                onClick={() => record.mutate({ scope, note }, { onSuccess: () => setNote('') })}
              >
                {t('talent.recordConsent')}
              </Button>
              {p.consentState === 'given' && (
                <Button
                  color="orange"
                  variant="light"
                  loading={withdraw.isPending}
                  onClick={() => withdraw.mutate({ note }, { onSuccess: () => setNote('') })}
                >
                  {t('talent.withdrawConsent')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        )}
        <Title order={3} size="h5">
          {t('talent.consentHistory')}
        </Title>
        {p.consentHistory.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('talent.noConsentYet')}
          </Text>
        ) : (
          <Table striped aria-label={t('talent.consentHistory')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('talent.scopeLabel')}</Table.Th>
                <Table.Th>{t('talent.givenAt')}</Table.Th>
                <Table.Th>{t('talent.via')}</Table.Th>
                <Table.Th>{t('talent.withdrawnAt')}</Table.Th>
                <Table.Th>{t('talent.consentNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.consentHistory.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{t(`talent.scope.${c.scope}`)}</Table.Td>
                  <Table.Td>{formatDateTime(c.givenAt, locale)}</Table.Td>
                  <Table.Td>
                    {t(`talent.channel.${c.givenVia}`)}
                    {c.withdrawnVia && ` / ${t(`talent.channel.${c.withdrawnVia}`)}`}
                  </Table.Td>
                  <Table.Td>{c.withdrawnAt ? formatDateTime(c.withdrawnAt, locale) : '—'}</Table.Td>
                  <Table.Td dir="auto">{[c.givenNote, c.withdrawnNote].filter(Boolean).join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** A full profile for the college: facts, skills, verified credentials, consent and its history. */
export function TalentProfilePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const q = useTalentProfile(id);
  const collegeSkills = useCollegeSkills().data?.data ?? [];
  const send = useSendLink(id);
  const remove = useDeleteTalentProfile(id);
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (q.isPending) {
    return <Text c="dimmed">{t('common.loading')}</Text>;
  }
  if (q.error || !q.data) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const p = q.data;
  return (
    <Stack>
      <PageHeader
        title={<span dir="auto">{p.nameLatin}</span>}
        subtitle={p.nameNative || undefined}
        actions={
          <>
            {p.abilities.update && (
              <Button component={Link} to={`/talent/${p.id}/edit`} variant="default">
                {t('common.edit')}
              </Button>
            )}
            {p.abilities.sendLink && (
              <Button loading={send.isPending} disabled={!p.email} onClick={() => send.mutate()}>
                {t('talent.sendLink')}
              </Button>
            )}
            <Button component="a" href={exportUrl(p.id)} variant="default" download>
              {t('talent.exportData')}
            </Button>
            {p.abilities.delete && (
              <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
                {t('talent.delete')}
              </Button>
            )}
          </>
        }
      />
      {send.data && (
        <Alert color="green" role="status">
          {t('talent.linkSent', { email: send.data.sentTo, date: formatDate(send.data.expiresAt, locale) })}
        </Alert>
      )}
      {send.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, send.error)}
        </Alert>
      )}
      {confirmDelete && (
        <Alert color="red" role="alert" title={t('talent.deleteTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('talent.deleteExplained')}</Text>
            <Group>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => navigate('/talent') })}
              >
                {t('talent.deleteConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirmDelete(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
            {remove.error && <Text c="red">{errorMessage(t, remove.error)}</Text>}
          </Stack>
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('talent.occupation')}>
            <span dir="ltr">{p.iscoCode}</span> · {iscoLabel(p.iscoCode)}
            {p.escoUri && <EscoUri uri={p.escoUri} state={escoStateOf(p.escoUri, collegeSkills)} />}
          </Fact>
          <Fact label={t('talent.email')}>{p.email || '—'}</Fact>
          <Fact label={t('talent.availableFrom')}>{formatDate(p.availableFrom, locale)}</Fact>
          <Fact label={t('talent.countries')}>
            {p.countries
              .map((c) => (c === 'any' ? t('talent.anyCountry') : countryName(c, locale)))
              .join(', ') || '—'}
          </Fact>
          <Fact label={t('talent.experienceYears')}>{p.experienceYears}</Fact>
          <Fact label={t('talent.languages')}>
            {p.languages.map((l) => `${l.code} ${t(`talent.cefrLevel.${l.cefr}`)}`).join(', ') || '—'}
          </Fact>
        </SimpleGrid>
        {pickLocalized(p.headline, locale) && (
          <Text mt="sm" fw={500} dir="auto">
            {pickLocalized(p.headline, locale)}
          </Text>
        )}
        {pickLocalized(p.summary, locale) && (
          <Text mt={4} size="sm" dir="auto">
            {pickLocalized(p.summary, locale)}
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('talent.skills')}
        </Title>
        {p.skills.length === 0 ? (
          <Text c="dimmed">{t('talent.noSkills')}</Text>
        ) : (
          <Table aria-label={t('talent.skills')}>
            <Table.Tbody>
              {p.skills.map((s) => (
                <Table.Tr key={s.skillKey}>
                  <Table.Td>{skillLabel(s.skillKey, locale, collegeSkills)}</Table.Td>
                  <Table.Td>{t(`talent.level.${s.level}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={s.verified ? 'green' : 'gray'} variant="light">
                      {s.verified ? t('talent.verified') : t('talent.selfDeclared')}
                    </Badge>{' '}
                    <Text span size="xs" c="dimmed">
                      {t(`talent.evidence.${s.evidence}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('talent.verifiedCredentials')}
        </Title>
        {p.credentials.certificates.length + p.credentials.achievements.length === 0 && (
          <Text c="dimmed">{t('talent.noCredentials')}</Text>
        )}
        <Stack gap={4}>
          {p.credentials.certificates.map((c) => (
            <Text key={c.id} size="sm">
              <Badge color="green" variant="light" mr="xs">
                {t('talent.certificate')}
              </Badge>
              {pickLocalized(c.title, locale)} · <span dir="ltr">{c.number}</span> ·{' '}
              {formatDate(c.issuedOn, locale)}
            </Text>
          ))}
          {p.credentials.achievements.map((a) => (
            <Text key={`${a.skillNumber}-${a.year}-${pickLocalized(a.competitionNames, 'en')}`} size="sm">
              <Badge color="yellow" variant="light" mr="xs">
                {t(`talent.medal.${a.medal}`)}
              </Badge>
              {pickLocalized(a.competitionNames, locale)} · {pickLocalized(a.skillNames, locale)} · {a.points}
            </Text>
          ))}
        </Stack>
      </Card>
      <ConsentPanel p={p} />
      <AccountCard p={p} />
    </Stack>
  );
}
