import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { TEAM_ROLES, type TeamRole } from '../../../contracts/competitions.js';
import type {
  TSchemeTeams,
  TSubCriterionTeam,
  TTeamMemberInput,
} from '../../../contracts/marking-schemes.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { serverFieldErrors } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useReplaceTeam, useSchemeTeams, useSchemeVersions } from './api';
import { STATUS_COLORS, skillPath } from './scheme-page';

function expertLabel(x: TSchemeTeams['experts'][number]): string {
  const name = `${x.lastName}, ${x.firstName}`;
  return x.memberCode ? `${name} · ${x.memberCode}` : name;
}

function TeamCard({
  skillId,
  teams,
  team,
  canAssign,
}: {
  skillId: string;
  teams: TSchemeTeams;
  team: TSubCriterionTeam;
  canAssign: boolean;
}) {
  const { t } = useTranslation();
  const save = useReplaceTeam(skillId, teams.schemeId);
  const [members, setMembers] = useState<TTeamMemberInput[]>(team.members);
  const dirty =
    JSON.stringify([...members].sort((a, b) => a.expertId.localeCompare(b.expertId))) !==
    JSON.stringify([...team.members].sort((a, b) => a.expertId.localeCompare(b.expertId)));
  const entryName = new Map(teams.entries.map((e) => [e.id, `${e.displayName} · ${e.memberCode}`]));
  const idsOf = (role: TeamRole) => members.filter((m) => m.teamRole === role).map((m) => m.expertId);
  const setRole = (role: TeamRole, ids: string[]) =>
    setMembers([
      ...members.filter((m) => m.teamRole !== role && !ids.includes(m.expertId)),
      ...ids.map((expertId) => ({ expertId, teamRole: role })),
    ]);
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const fieldErrors = serverFieldErrors(t, save.error);

  return (
    <Card withBorder data-testid={`team-${team.subCriterionKey}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h5">
              {team.subCriterionKey} · <span dir="auto">{team.name}</span>
            </Title>
            <Badge variant="light">{t('markingSchemes.tree.day', { day: team.dayOfMarking || '—' })}</Badge>
            <Text size="sm" c="dimmed">
              {t('markingSchemes.validation.aspectCounts', {
                m: team.measurementAspects,
                j: team.judgementAspects,
              })}
            </Text>
          </Group>
          {team.problems.length === 0 ? (
            <Badge color="green" variant="light">
              {t('markingSchemes.teams.covered')}
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              {t('markingSchemes.teams.uncovered', { count: team.problems.length })}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {TEAM_ROLES.map((role) => (
            <MultiSelect
              key={role}
              label={t(`markingSchemes.teams.roles.${role}`)}
              description={
                role === 'judge' && team.judgementAspects > 0
                  ? t('markingSchemes.teams.judgesNeeded', { count: teams.numJudges })
                  : undefined
              }
              data={teams.experts.map((x) => ({
                value: x.id,
                label: expertLabel(x),
                disabled: members.some((m) => m.expertId === x.id && m.teamRole !== role),
              }))}
              value={idsOf(role)}
              onChange={(ids) => setRole(role, ids)}
              searchable
              clearable
              disabled={!canAssign}
              nothingFoundMessage={t('markingSchemes.teams.noExperts')}
            />
          ))}
        </SimpleGrid>
        {team.problems.length > 0 && (
          <Alert color="orange" title={t('markingSchemes.teams.problemsTitle')}>
            <List size="sm">
              {team.problems.map((p) => (
                <List.Item key={`${p.code}-${p.entryId}`}>
                  {t(`markingSchemes.teams.problems.${p.code}`, {
                    entry: entryName.get(p.entryId) ?? p.entryId,
                    eligible: p.eligible,
                    required: p.required,
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {conflict && (
          <VersionConflictAlert
            onReload={() => {
              save.reset();
              setMembers(team.members);
            }}
          />
        )}
        {!conflict &&
          save.error &&
          (fieldErrors ? (
            <Alert color="red" role="alert">
              {[...new Set(Object.values(fieldErrors))].join(' ')}
            </Alert>
          ) : (
            <ErrorState error={save.error} />
          ))}
        {canAssign && (
          <Group>
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { subCriterionKey: team.subCriterionKey, revision: team.revision, members },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        message: t('markingSchemes.teams.saved', { key: team.subCriterionKey }),
                      }),
                  },
                )
              }
            >
              {t('markingSchemes.teams.save', { key: team.subCriterionKey })}
            </Button>
            {dirty && (
              <Button variant="default" onClick={() => setMembers(team.members)}>
                {t('markingSchemes.editor.discard')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** /competitions/:competitionId/skills/:skillId/teams — the marking team of each sub-criterion, with compatriot coverage. */
export function TeamsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '', skillId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const list = useSchemeVersions(skillId);
  const versions = list.data?.data ?? [];
  const fallback = versions.find((v) => v.status === 'locked') ?? versions.find((v) => v.status === 'draft');
  const schemeId = params.get('v') ?? fallback?.id ?? null;
  const teams = useSchemeTeams(skillId, schemeId);

  if (list.isPending) {
    return <FullPageLoader />;
  }
  if (list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  }
  const { skill } = list.data;
  const base = skillPath(competitionId, skillId);

  return (
    <Stack>
      <PageHeader
        title={t('markingSchemes.teams.title')}
        subtitle={
          <Anchor component={Link} to={base}>
            {skill.number} {pickLocalized(skill.names, locale)}
          </Anchor>
        }
        actions={
          <Button component={Link} variant="default" to={`${base}/scheme${schemeId ? `?v=${schemeId}` : ''}`}>
            {t('markingSchemes.title')}
          </Button>
        }
      />
      <Group align="flex-end">
        <Select
          label={t('markingSchemes.version')}
          data={versions
            .filter((v) => v.status !== 'superseded' || v.id === schemeId)
            .map((v) => ({
              value: v.id,
              label: `${t('markingSchemes.versionNo', { n: v.versionNo })} · ${t(`markingSchemes.status.${v.status}`)}`,
            }))}
          value={schemeId}
          onChange={(v) => v && setParams({ v }, { replace: true })}
          allowDeselect={false}
          w={260}
        />
        <Text size="sm" c="dimmed">
          {skill.allowCompatriotMarking
            ? t('markingSchemes.teams.compatriotsAllowed')
            : t('markingSchemes.teams.compatriotRule', { count: skill.numJudges })}
        </Text>
      </Group>
      {!schemeId && <Text c="dimmed">{t('markingSchemes.noVersions')}</Text>}
      {schemeId &&
        (teams.isPending ? (
          <FullPageLoader />
        ) : teams.error ? (
          <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
        ) : (
          <Stack>
            <Group gap="xs">
              <Badge color={STATUS_COLORS[teams.data.schemeStatus]}>
                {t(`markingSchemes.status.${teams.data.schemeStatus}`)}
              </Badge>
              <Text size="sm">
                {t('markingSchemes.teams.summary', {
                  experts: teams.data.experts.length,
                  entries: teams.data.entries.length,
                })}
              </Text>
              {teams.data.problemCount > 0 ? (
                <Badge color="orange">
                  {t('markingSchemes.teams.uncovered', { count: teams.data.problemCount })}
                </Badge>
              ) : (
                <Badge color="green">{t('markingSchemes.teams.allCovered')}</Badge>
              )}
            </Group>
            {!teams.data.abilities.assign && <Alert color="gray">{t('markingSchemes.teams.readOnly')}</Alert>}
            {teams.data.teams.map((team) => (
              <TeamCard
                key={`${team.subCriterionKey}-${team.revision}`}
                skillId={skillId}
                teams={teams.data}
                team={team}
                canAssign={teams.data.abilities.assign}
              />
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
