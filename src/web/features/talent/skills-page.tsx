import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCollegeSkillDetail } from '../../../contracts/talent-skills.js';
import { curatedLabel, TAXONOMY_LOCALES } from '../../../domain/talent/taxonomy/index.js';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, serverFieldErrors } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import {
  type SkillFilters,
  skillsExportUrl,
  useCollegeSkillList,
  useConfirmSkillEsco,
  useSaveCollegeSkill,
  useSkillAction,
} from './skills-api';
import { ConfirmEscoModal, EscoUri } from './skills-esco';
import { iscoLabel, iscoUnitOptions } from './taxonomy';

type Editing = { skill: TCollegeSkillDetail | null } | null;

/** The college's own skills: labels per language, category, ISCO-08 group, ESCO URI, archive. */
export function CollegeSkillsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [filters, setFilters] = useState<SkillFilters>({ status: 'active' });
  const list = useCollegeSkillList(filters);
  const action = useSkillAction();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<TCollegeSkillDetail | null>(null);
  const categories = [...new Set((list.data?.data ?? []).map((s) => s.category).filter(Boolean))].sort();
  const set = (patch: SkillFilters) => setFilters((f) => ({ ...f, ...patch }));
  const inUse =
    action.error instanceof ApiError && action.error.details.reason === 'skill_in_use'
      ? action.error.details
      : null;

  const columns: Column<TCollegeSkillDetail>[] = [
    {
      key: 'label',
      header: t('talentSkills.label'),
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} dir="auto">
            {curatedLabel(s.labels, {}, locale)}
          </Text>
          <Text size="xs" c="dimmed" dir="ltr">
            {s.key}
          </Text>
        </Stack>
      ),
    },
    { key: 'category', header: t('talentSkills.category'), render: (s) => s.category },
    {
      key: 'isco',
      header: t('talentSkills.iscoGroup'),
      render: (s) =>
        s.iscoGroup ? (
          <Text size="sm">
            <span dir="ltr">{s.iscoGroup}</span> · {iscoLabel(s.iscoGroup, locale)}
          </Text>
        ) : null,
    },
    {
      key: 'esco',
      header: t('talentSkills.esco.title'),
      render: (s) => <EscoUri uri={s.escoUri} state={s.esco.state} confirmation={s.esco} />,
    },
    {
      key: 'usage',
      header: t('talentSkills.usage'),
      render: (s) =>
        s.usage
          ? t('talentSkills.usageText', {
              profiles: s.usage.profiles,
              postings: s.usage.postings,
              profilesText: formatNumber(s.usage.profiles, locale),
              postingsText: formatNumber(s.usage.postings, locale),
            })
          : null,
    },
    {
      key: 'actions',
      header: '',
      render: (s) =>
        s.abilities.update && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default" aria-label={t('talentSkills.actionsFor', { code: s.code })}>
                {t('talentSkills.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setEditing({ skill: s })}>{t('common.edit')}</Menu.Item>
              <Menu.Item onClick={() => setConfirming(s)}>{t('talentSkills.esco.confirmAction')}</Menu.Item>
              <Menu.Item
                onClick={() => action.mutate({ skill: s, action: s.archived ? 'restore' : 'archive' })}
              >
                {t(s.archived ? 'talentSkills.restore' : 'talentSkills.archive')}
              </Menu.Item>
              <Menu.Item color="red" onClick={() => action.mutate({ skill: s, action: 'delete' })}>
                {t('talentSkills.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('talentSkills.title')}
        subtitle={t('talentSkills.intro')}
        actions={
          <>
            <Button component={Link} to="/talent/skills/taxonomy" variant="default">
              {t('talentSkills.taxonomy.link')}
            </Button>
            <Button component={Link} to="/talent/skills/import" variant="default">
              {t('talentSkills.import.button')}
            </Button>
            <Button component="a" href={skillsExportUrl('xlsx')} variant="default">
              {t('talentSkills.export')}
            </Button>
            <Button onClick={() => setEditing({ skill: null })}>{t('talentSkills.new')}</Button>
          </>
        }
      />
      {inUse && (
        <Alert color="orange" role="alert" withCloseButton onClose={() => action.reset()}>
          {t('talentSkills.inUse', {
            profiles: Number(inUse.profiles ?? 0),
            postings: Number(inUse.postings ?? 0),
          })}
        </Alert>
      )}
      {action.error && !inUse && (
        <Alert color="red" role="alert" withCloseButton onClose={() => action.reset()}>
          {errorMessage(t, action.error)}
        </Alert>
      )}
      <Card withBorder>
        <Group align="flex-end">
          <TextInput
            label={t('common.search')}
            placeholder={t('talentSkills.searchHint')}
            value={filters.q ?? ''}
            onChange={(e) => set({ q: e.currentTarget.value || undefined })}
          />
          <Select
            label={t('talentSkills.category')}
            data={categories}
            value={filters.category ?? null}
            onChange={(v) => set({ category: v ?? undefined })}
            clearable
          />
          <Select
            label={t('talentSkills.esco.title')}
            data={(['none', 'unconfirmed', 'confirmed'] as const).map((v) => ({
              value: v,
              label: t(`talentSkills.esco.${v}`),
            }))}
            value={filters.esco ?? null}
            onChange={(v) => set({ esco: v ?? undefined })}
            clearable
          />
          <SegmentedControl
            aria-label={t('talentSkills.status')}
            value={filters.status ?? 'active'}
            onChange={(v) => set({ status: v })}
            data={(['active', 'archived', 'all'] as const).map((v) => ({
              value: v,
              label: t(`talentSkills.statusValue.${v}`),
            }))}
          />
        </Group>
      </Card>
      <DataTable
        label={t('talentSkills.title')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(s) => s.id}
        loading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={t('talentSkills.empty')}
        testId="college-skills"
      />
      {editing && <SkillFormModal skill={editing.skill} onClose={() => setEditing(null)} />}
      {confirming && <ConfirmSkillModal skill={confirming} onClose={() => setConfirming(null)} />}
    </Stack>
  );
}

function ConfirmSkillModal({ skill, onClose }: { skill: TCollegeSkillDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmSkillEsco();
  return (
    <ConfirmEscoModal
      opened
      onClose={onClose}
      title={t('talentSkills.esco.confirmTitle', { name: skill.labels.en ?? skill.code })}
      initialUri={skill.escoUri}
      kind="skill"
      pending={confirm.isPending}
      error={confirm.error}
      onSubmit={(v) => confirm.mutate({ skill, ...v }, { onSuccess: onClose })}
      onReload={onClose}
    />
  );
}

function SkillFormModal({ skill, onClose }: { skill: TCollegeSkillDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCollegeSkill();
  const [code, setCode] = useState(skill?.code ?? '');
  const [labels, setLabels] = useState<Record<string, string>>(skill?.labels ?? {});
  const [category, setCategory] = useState(skill?.category ?? '');
  const [iscoGroup, setIscoGroup] = useState<string | null>(skill?.iscoGroup ?? null);
  const [escoUri, setEscoUri] = useState(skill?.escoUri ?? '');
  const errors = serverFieldErrors(t, save.error) ?? {};
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';

  function submit() {
    save.mutate(
      {
        id: skill?.id,
        version: skill?.version,
        code,
        data: {
          labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v.trim())),
          category: category.trim(),
          iscoGroup,
          escoUri: escoUri.trim() || null,
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={skill ? t('talentSkills.editTitle') : t('talentSkills.new')}
      size="lg"
    >
      <Stack>
        {conflict && <VersionConflictAlert onReload={onClose} />}
        <TextInput
          label={t('talentSkills.code')}
          description={t('talentSkills.codeHint')}
          value={code}
          dir="ltr"
          disabled={Boolean(skill)}
          required
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {TAXONOMY_LOCALES.map((l) => (
            <TextInput
              key={l}
              label={t('talentSkills.labelIn', { language: t(`talent.locale.${l}`) })}
              required={l === 'en'}
              dir={l === 'ar' ? 'rtl' : 'auto'}
              lang={l}
              value={labels[l] ?? ''}
              maxLength={200}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLabels((x) => ({ ...x, [l]: v }));
              }}
              error={errors[`labels.${l}`]}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('talentSkills.fallbackHint')}
        </Text>
        <TextInput
          label={t('talentSkills.category')}
          value={category}
          maxLength={60}
          onChange={(e) => setCategory(e.currentTarget.value)}
          error={errors.category}
        />
        <Select
          label={t('talentSkills.iscoGroup')}
          data={iscoUnitOptions()}
          value={iscoGroup}
          onChange={setIscoGroup}
          searchable
          clearable
          error={errors.iscoGroup}
        />
        <TextInput
          label={t('talentSkills.esco.uri')}
          description={t('talentSkills.esco.uriHint.skill')}
          value={escoUri}
          dir="ltr"
          onChange={(e) => setEscoUri(e.currentTarget.value)}
          error={errors.escoUri}
        />
        {skill?.esco.state === 'confirmed' && escoUri.trim() !== skill.escoUri && (
          <Text size="xs" c="orange">
            {t('talentSkills.esco.changeLosesConfirmation')}
          </Text>
        )}
        <Group justify="space-between">
          <Anchor
            href="https://esco.ec.europa.eu/en/classification"
            target="_blank"
            rel="noreferrer"
            size="sm"
          >
            {t('talentSkills.esco.portal')}
          </Anchor>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={save.isPending} onClick={submit}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
