import {
  Alert,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SurveyStatus, TInvitation } from '../../../contracts/surveys.js';
import { FullPageLoader } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale, LOCALE_LABELS } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useInvitationLink, useInvitations, useSurvey, useSurveyAction } from './api';
import { SurveyStatusBadge } from './labels';

const NEXT: Record<SurveyStatus, SurveyStatus | null> = { draft: 'open', open: 'closed', closed: 'open' };

function LinkCell({ invitation }: { invitation: TInvitation }) {
  const { t } = useTranslation();
  const issue = useInvitationLink();
  const [url, setUrl] = useState<string | null>(null);
  if (url) {
    return (
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" color={copied ? 'green' : 'blue'} onClick={copy}>
            {copied ? t('surveys.detail.copied') : t('surveys.detail.copyLink')}
          </Button>
        )}
      </CopyButton>
    );
  }
  return (
    <Button
      size="xs"
      variant="default"
      loading={issue.isPending}
      disabled={invitation.respondedOn !== null}
      onClick={() =>
        issue.mutate(invitation.id, {
          onSuccess: (r) => setUrl(r.url),
          onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
        })
      }
    >
      {t('surveys.detail.newLink')}
    </Button>
  );
}

export function SurveyDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useSurvey(id);
  const actions = useSurveyAction(id);
  const invitations = useInvitations(id, Boolean(q.data?.abilities.readResults));
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error || !q.data) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const s = q.data;
  const notify = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(t, e) });
  const next = NEXT[s.status];
  const columns: Column<TInvitation>[] = [
    {
      key: 'name',
      header: t('surveys.detail.participant'),
      render: (i) => (
        <span dir="auto">
          {i.nameLatin}
          {i.nameNative && ` · ${i.nameNative}`}
        </span>
      ),
    },
    {
      key: 'locale',
      header: t('surveys.detail.language'),
      noWrap: true,
      render: (i) => LOCALE_LABELS[i.locale],
    },
    {
      key: 'sent',
      header: t('surveys.detail.sent'),
      noWrap: true,
      render: (i) => (i.sentAt ? formatDate(i.sentAt, locale) : t('surveys.detail.noEmail')),
    },
    { key: 'reminders', header: t('surveys.detail.reminders'), noWrap: true, render: (i) => i.reminderCount },
    {
      key: 'responded',
      header: t('surveys.detail.responded'),
      noWrap: true,
      render: (i) =>
        i.respondedOn ? (
          <Badge color="green" variant="light">
            {formatDate(i.respondedOn, locale)}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('surveys.detail.waiting')}
          </Badge>
        ),
    },
    ...(s.abilities.invite
      ? [
          {
            key: 'link',
            header: t('surveys.detail.link'),
            render: (i: TInvitation) => <LinkCell invitation={i} />,
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <PageHeader
        title={<span dir="auto">{pickLocalized(s.title, locale)}</span>}
        subtitle={
          <Group gap="xs">
            <Badge variant="light">{t(`surveys.levels.${s.level}`)}</Badge>
            {s.testPhase && <Badge variant="outline">{t(`surveys.phases.${s.testPhase}`)}</Badge>}
            <SurveyStatusBadge status={s.status} />
            {s.anonymous && (
              <Badge color="grape" variant="light">
                {t('surveys.fields.anonymous')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button variant="default" component={Link} to={`/surveys/${s.id}/results`}>
              {t('surveys.detail.results')}
            </Button>
            {s.abilities.update && (
              <Button variant="default" component={Link} to={`/surveys/${s.id}/edit`}>
                {t('common.edit')}
              </Button>
            )}
            {s.abilities.update && next && (
              <Button
                loading={actions.status.isPending}
                onClick={() =>
                  actions.status.mutate({ version: s.version, status: next }, { onError: notify })
                }
              >
                {t(`surveys.detail.to_${next}`)}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={6}>
            <Title order={2} size="h4">
              {t('surveys.detail.about')}
            </Title>
            <Text size="sm">
              {t('surveys.fields.cohort')}: {s.cohortName ?? '—'}
            </Text>
            <Text size="sm" dir="auto">
              {t('surveys.fields.project')}: {s.projectTitle ? pickLocalized(s.projectTitle, locale) : '—'}
            </Text>
            <Text size="sm">
              {t('surveys.detail.period', {
                from: s.opensOn ? formatDate(s.opensOn, locale) : '—',
                to: s.closesOn ? formatDate(s.closesOn, locale) : '—',
              })}
            </Text>
            {s.followUpDays !== null && (
              <Text size="sm">{t('surveys.detail.followUp', { days: s.followUpDays })}</Text>
            )}
            {s.followUpOf && (
              <Text size="sm">
                <Link to={`/surveys/${s.followUpOf}`}>{t('surveys.detail.followUpOf')}</Link>
              </Text>
            )}
            {s.preTestId && (
              <Text size="sm">
                <Link to={`/surveys/${s.preTestId}`}>{t('surveys.detail.preTest')}</Link>
              </Text>
            )}
            {s.abilities.update && s.level === 'L2' && s.testPhase === 'pre' && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  loading={actions.postTest.isPending}
                  onClick={() =>
                    actions.postTest.mutate(undefined, {
                      onSuccess: (post) => navigate(`/surveys/${post.id}`),
                      onError: notify,
                    })
                  }
                >
                  {t('surveys.detail.createPostTest')}
                </Button>
              </Group>
            )}
            {s.abilities.update && s.status === 'draft' && s.counts.invited === 0 && (
              <Group>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  onClick={() =>
                    actions.remove.mutate(undefined, {
                      onSuccess: () => navigate('/surveys'),
                      onError: notify,
                    })
                  }
                >
                  {t('surveys.detail.delete')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap={6}>
            <Title order={2} size="h4">
              {t('surveys.detail.distribution')}
            </Title>
            <Text size="sm">
              {s.counts.responseRate === null
                ? t('surveys.notInvited')
                : t('surveys.rateValue', {
                    rate: formatNumber(s.counts.responseRate, locale, { maximumFractionDigits: 0 }),
                    responded: s.counts.responded,
                    invited: s.counts.invited,
                  })}
            </Text>
            <Progress value={s.counts.responseRate ?? 0} aria-label={t('surveys.fields.responseRate')} />
            {s.status !== 'open' && s.abilities.invite && (
              <Alert color="blue">{t('surveys.detail.openFirst')}</Alert>
            )}
            {s.abilities.invite && (
              <Group>
                <Button
                  size="sm"
                  disabled={s.status !== 'open' || !s.cohortId}
                  loading={actions.invite.isPending}
                  onClick={() =>
                    actions.invite.mutate(
                      {},
                      {
                        onSuccess: (r) =>
                          notifications.show({
                            color: 'green',
                            message: t('surveys.detail.invitedResult', r),
                          }),
                        onError: notify,
                      },
                    )
                  }
                >
                  {t('surveys.detail.inviteCohort')}
                </Button>
                <Button
                  size="sm"
                  variant="default"
                  disabled={s.status !== 'open' || s.counts.invited === 0}
                  loading={actions.remind.isPending}
                  onClick={() =>
                    actions.remind.mutate(undefined, {
                      onSuccess: (r) =>
                        notifications.show({
                          color: 'green',
                          message: t('surveys.detail.remindedResult', r),
                        }),
                      onError: notify,
                    })
                  }
                >
                  {t('surveys.detail.remind')}
                </Button>
              </Group>
            )}
            <Text size="xs" c="dimmed">
              {t('surveys.detail.autoReminders')}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('surveys.detail.questions', { count: s.questions.length })}
        </Title>
        <List type="ordered" spacing={4}>
          {s.questions.map((x) => (
            <List.Item key={x.id}>
              <span dir="auto">{pickLocalized(x.text, locale)}</span>{' '}
              <Text span size="xs" c="dimmed">
                ({t(`surveys.types.${x.type}`)}
                {x.reverseCoded ? ` · ${t('surveys.builder.reverseCoded')}` : ''}
                {x.scaleKey ? ` · ${x.scaleKey}` : ''}
                {x.scored ? ` · ${t('surveys.builder.scored')}` : ''})
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
      {s.abilities.readResults && (
        <DataTable
          label={t('surveys.detail.invitations')}
          columns={columns}
          rows={invitations.data?.data}
          rowKey={(i) => i.id}
          loading={invitations.isFetching}
          error={invitations.error}
          empty={t('surveys.detail.noInvitations')}
        />
      )}
    </Stack>
  );
}
