import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  List,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TSelfProfile } from '../../../contracts/talent.js';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { FullPageLoader } from '../../app/session';
import { currentLocale, setLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, serverFieldErrors } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import {
  selfBase,
  selfExportUrl,
  useDeleteSelfProfile,
  useGiveSelfConsent,
  useSaveSelfProfile,
  useSelfProfile,
  useWithdrawSelfConsent,
} from './api';
import { EditableFields, type EditableValue } from './editable-fields';
import { IntroductionsCard } from './introductions-card';
import { iscoLabel, setCollegeWording } from './taxonomy';

function editable(s: TSelfProfile): EditableValue {
  return {
    skills: s.profile.skills.map((x) => ({ skillKey: x.skillKey, level: x.level })),
    languages: s.profile.languages.map((l) => ({ code: l.code, cefr: l.cefr as 'B1' })),
    countries: s.profile.countries,
    availableFrom: s.profile.availableFrom,
  };
}

function ConsentCard({ base, s }: { base: string; s: TSelfProfile }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const give = useGiveSelfConsent(base);
  const withdraw = useWithdrawSelfConsent(base);
  const current = s.profile.consentState === 'given' ? s.profile.consent : null;
  const [scope, setScope] = useState<string>(current?.scope ?? 'match');
  const error = give.error ?? withdraw.error;
  return (
    <Card withBorder component="section" aria-labelledby="consent-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="consent-title">
          {t('talent.self.consentTitle')}
        </Title>
        <Text size="sm">{t('talent.self.purpose', { organization: s.organizationName })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('talent.self.whatEnterprisesSee')}</List.Item>
          <List.Item>{t('talent.self.whatTheyNeverSee')}</List.Item>
          <List.Item>{t('talent.self.withdrawAnyTime')}</List.Item>
        </List>
        {current ? (
          <Alert color="green" role="status">
            {t('talent.self.consentGiven', {
              scope: t(`talent.scope.${current.scope}`),
              date: formatDateTime(current.givenAt, locale),
            })}
          </Alert>
        ) : (
          <Alert color="gray" role="status">
            {s.profile.consentState === 'withdrawn'
              ? t('talent.self.consentWithdrawn')
              : t('talent.self.noConsent')}
          </Alert>
        )}
        <Radio.Group label={t('talent.scopeLabel')} value={scope} onChange={setScope}>
          <Stack gap={6} mt={4}>
            <Radio value="match" label={t('talent.scope.match')} description={t('talent.self.scopeMatch')} />
            <Radio
              value="match_and_introduce"
              label={t('talent.scope.match_and_introduce')}
              description={t('talent.self.scopeIntroduce')}
            />
          </Stack>
        </Radio.Group>
        <Group>
          {(!current || current.scope !== scope) && (
            <Button
              loading={give.isPending}
              onClick={() => give.mutate({ scope, locale, noticeVersion: s.noticeVersion })}
            >
              {t('talent.self.agree')}
            </Button>
          )}
          {current && (
            <Button
              color="orange"
              variant="light"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              {t('talent.withdrawConsent')}
            </Button>
          )}
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function EditCard({ base, s }: { base: string; s: TSelfProfile }) {
  const { t } = useTranslation();
  const save = useSaveSelfProfile(base);
  const [value, setValue] = useState<EditableValue>(() => editable(s));
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const errors = serverFieldErrors(t, save.error) ?? {};
  return (
    <Card withBorder component="section" aria-labelledby="edit-title">
      <Stack>
        <Title order={2} size="h4" id="edit-title">
          {t('talent.self.editTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('talent.self.editHint')}
        </Text>
        <EditableFields
          value={value}
          onChange={setValue}
          collegeSkills={s.taxonomy.collegeSkills}
          errors={errors}
        />
        {save.isSuccess && !save.isPending && (
          <Alert color="green" role="status">
            {t('talent.self.saved')}
          </Alert>
        )}
        {save.error && (
          <Alert color="red" role="alert">
            {conflict ? t('common.conflictText') : errorMessage(t, save.error)}
          </Alert>
        )}
        <Group>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { version: s.profile.version, data: value },
                { onSuccess: (next) => setValue(editable(next)) },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * What the owner sees of their profile and may do with it, through their personal link or signed in
 * with their account (`base` from selfBase): consent, introductions, corrections, credentials,
 * export and deletion.
 */
export function SelfProfileView({ base, s }: { base: string; s: TSelfProfile }) {
  const { t } = useTranslation();
  const remove = useDeleteSelfProfile(base);
  const [confirm, setConfirm] = useState(false);
  const locale = currentLocale();
  // Before anything below renders a label: the college's wording, in the viewer's language.
  setCollegeWording(s.taxonomy);
  if (remove.isSuccess) {
    return (
      <Alert color="green" role="status" title={t('talent.self.deletedTitle')}>
        {t('talent.self.deleted')}
      </Alert>
    );
  }
  return (
    <Stack>
      <Stack gap={4}>
        <Text c="dimmed">{s.organizationName}</Text>
        <Title order={1} size="h2" dir="auto">
          {s.profile.nameNative || s.profile.nameLatin}
        </Title>
        <Text size="sm">
          <span dir="ltr">{s.profile.iscoCode}</span> · {iscoLabel(s.profile.iscoCode)}
        </Text>
        {s.linkExpiresAt && (
          <Text size="xs" c="dimmed">
            {t('talent.self.linkValidUntil', { date: formatDate(s.linkExpiresAt, locale) })}
          </Text>
        )}
      </Stack>
      <ConsentCard base={base} s={s} />
      <IntroductionsCard base={base} />
      <EditCard key={s.profile.version} base={base} s={s} />
      <Card withBorder component="section">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('talent.verifiedCredentials')}
          </Title>
          {s.profile.credentials.certificates.length + s.profile.credentials.achievements.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('talent.noCredentials')}
            </Text>
          )}
          {s.profile.credentials.certificates.map((c) => (
            <Text key={c.id} size="sm">
              <Badge color="green" variant="light" mr="xs">
                {t('talent.certificate')}
              </Badge>
              {pickLocalized(c.title, locale)} · {formatDate(c.issuedOn, locale)}
            </Text>
          ))}
          {s.profile.credentials.achievements.map((a) => (
            <Text key={`${a.skillNumber}-${a.year}-${a.points}`} size="sm">
              <Badge color="yellow" variant="light" mr="xs">
                {t(`talent.medal.${a.medal}`)}
              </Badge>
              {pickLocalized(a.competitionNames, locale)} · {pickLocalized(a.skillNames, locale)}
            </Text>
          ))}
        </Stack>
      </Card>
      <Card withBorder component="section">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('talent.self.yourData')}
          </Title>
          <Text size="sm">{t('talent.self.exportHint')}</Text>
          <Group>
            <Button component="a" href={selfExportUrl(base)} variant="default" download>
              {t('talent.exportData')}
            </Button>
            <Button color="red" variant="light" onClick={() => setConfirm(true)}>
              {t('talent.delete')}
            </Button>
          </Group>
          {confirm && (
            <Alert color="red" role="alert" title={t('talent.deleteTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('talent.self.deleteExplained')}</Text>
                <Group>
                  <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                    {t('talent.deleteConfirm')}
                  </Button>
                  <Button variant="default" onClick={() => setConfirm(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
                {remove.error && <Text c="red">{errorMessage(t, remove.error)}</Text>}
              </Stack>
            </Alert>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

/**
 * The owner's page behind their personal link: no sign-in, outside the app shell, in the profile's
 * language (switchable). They see what is stored, correct it, consent or withdraw, download it all,
 * or delete it.
 */
export function TalentSelfPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const base = selfBase.link(token);
  const q = useSelfProfile(base, Boolean(token));
  const localeApplied = useRef(false);

  useEffect(() => {
    if (q.data && !localeApplied.current) {
      localeApplied.current = true;
      if (q.data.profile.locale !== currentLocale()) {
        void setLocale(q.data.profile.locale);
      }
    }
  }, [q.data]);

  let body: React.ReactNode;
  if (q.isPending) {
    body = <FullPageLoader />;
  } else if (q.error || !q.data) {
    const expired = q.error instanceof ApiError && q.error.code === 'TOKEN_INVALID';
    const invalid = q.error instanceof ApiError && q.error.status === 404;
    body = (
      <Alert color="orange" role="alert" title={t('talent.self.unavailableTitle')}>
        {expired ? t('talent.self.expired') : invalid ? t('talent.self.invalid') : errorMessage(t, q.error)}
      </Alert>
    );
  } else {
    body = <SelfProfileView base={base} s={q.data} />;
  }
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Container component="main" size="sm" py="md" px="sm">
        {body}
      </Container>
    </Box>
  );
}
