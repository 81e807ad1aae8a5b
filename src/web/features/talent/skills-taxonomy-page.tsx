import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTaxonomyItem } from '../../../contracts/talent-skills.js';
import {
  curatedLabel,
  ISCO08_GROUPS,
  iscoItemKey,
  TAXONOMY_LOCALES,
} from '../../../domain/talent/taxonomy/index.js';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { serverFieldErrors } from '../../lib/errors';
import { useConfirmTaxonomyEsco, useSetTaxonomyLabels, useTaxonomyCuration } from './skills-api';
import { ConfirmEscoModal, EscoUri } from './skills-esco';

/**
 * The shipped starter set and ISCO-08 as the college uses them: its own translations of their
 * labels, and its confirmation (or replacement) of each ESCO URI.
 */
export function TaxonomyCurationPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const taxonomy = useTaxonomyCuration();
  const [q, setQ] = useState('');
  const [esco, setEsco] = useState<string | null>(null);
  const [translating, setTranslating] = useState<TTaxonomyItem | null>(null);
  const [confirming, setConfirming] = useState<TTaxonomyItem | null>(null);
  const [iscoCode, setIscoCode] = useState<string | null>(null);

  if (taxonomy.error) {
    return <ErrorState error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;
  }
  const entries = (taxonomy.data?.entries ?? []).filter(
    (e) =>
      (!esco || e.esco.state === esco) &&
      (!q || curatedLabel(e.shipped, e.college, locale).toLowerCase().includes(q.toLowerCase())),
  );
  const iscoItems = taxonomy.data?.isco ?? [];
  const iscoItem = (code: string): TTaxonomyItem =>
    iscoItems.find((i) => i.code === code) ?? {
      item: iscoItemKey(code),
      kind: 'isco',
      code,
      iscoGroup: code,
      field: null,
      shipped: { en: ISCO08_GROUPS.find((g) => g.code === code)?.title ?? code },
      college: {},
      shippedEscoUri: null,
      shippedVerified: false,
      escoUri: null,
      esco: { state: 'none', confirmedAt: null, confirmedBy: null, note: '' },
      version: 0,
    };

  const columns: Column<TTaxonomyItem>[] = [
    {
      key: 'label',
      header: t('talentSkills.label'),
      render: (e) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} dir="auto">
            {curatedLabel(e.shipped, e.college, locale)}
          </Text>
          <Group gap={4}>
            <Badge size="xs" variant="outline">
              {t(`talentSkills.taxonomy.kind.${e.kind}`)}
            </Badge>
            {Object.keys(e.college).length > 0 && (
              <Badge size="xs" variant="light">
                {t('talentSkills.taxonomy.collegeWording')}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    { key: 'isco', header: t('talentSkills.iscoGroup'), render: (e) => <span dir="ltr">{e.iscoGroup}</span> },
    {
      key: 'esco',
      header: t('talentSkills.esco.title'),
      render: (e) => (
        <Stack gap={2}>
          <EscoUri uri={e.escoUri} state={e.esco.state} confirmation={e.esco} />
          {e.shippedVerified && e.esco.state !== 'confirmed' && (
            <Text size="xs" c="dimmed">
              {t('talentSkills.taxonomy.shippedVerified')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: '',
      render: (e) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setTranslating(e)}>
            {t('talentSkills.taxonomy.translate')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirming(e)}>
            {t('talentSkills.esco.confirmAction')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('talentSkills.taxonomy.title')} subtitle={t('talentSkills.taxonomy.intro')} />
      <Card withBorder>
        <Group align="flex-end">
          <TextInput label={t('common.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select
            label={t('talentSkills.esco.title')}
            data={(['none', 'unconfirmed', 'confirmed'] as const).map((v) => ({
              value: v,
              label: t(`talentSkills.esco.${v}`),
            }))}
            value={esco}
            onChange={setEsco}
            clearable
          />
        </Group>
      </Card>
      <DataTable
        label={t('talentSkills.taxonomy.title')}
        columns={columns}
        rows={taxonomy.data ? entries : undefined}
        rowKey={(e) => e.item}
        loading={taxonomy.isLoading}
        testId="taxonomy-entries"
      />
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('talentSkills.taxonomy.iscoTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('talentSkills.taxonomy.iscoIntro')}
          </Text>
          <Group align="flex-end">
            <Select
              label={t('talentSkills.iscoGroup')}
              data={ISCO08_GROUPS.map((g) => ({ value: g.code, label: `${g.code} · ${g.title}` }))}
              value={iscoCode}
              onChange={setIscoCode}
              searchable
              w={420}
            />
            <Button disabled={!iscoCode} onClick={() => iscoCode && setTranslating(iscoItem(iscoCode))}>
              {t('talentSkills.taxonomy.translate')}
            </Button>
          </Group>
          {iscoItems.map((i) => (
            <Text key={i.item} size="sm">
              <span dir="ltr">{i.code}</span> · {i.shipped.en} → {curatedLabel(i.shipped, i.college, locale)}
            </Text>
          ))}
        </Stack>
      </Card>
      {translating && <TranslateModal item={translating} onClose={() => setTranslating(null)} />}
      {confirming && <ConfirmItemModal item={confirming} onClose={() => setConfirming(null)} />}
    </Stack>
  );
}

function ConfirmItemModal({ item, onClose }: { item: TTaxonomyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTaxonomyEsco();
  return (
    <ConfirmEscoModal
      opened
      onClose={onClose}
      title={t('talentSkills.esco.confirmTitle', { name: item.shipped.en ?? item.item })}
      initialUri={item.escoUri}
      kind={item.kind === 'occupation' ? 'occupation' : 'skill'}
      pending={confirm.isPending}
      error={confirm.error}
      onSubmit={(v) =>
        confirm.mutate({ item: item.item, version: item.version, ...v }, { onSuccess: onClose })
      }
      onReload={onClose}
    />
  );
}

function TranslateModal({ item, onClose }: { item: TTaxonomyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetTaxonomyLabels();
  const [labels, setLabels] = useState<Record<string, string>>(item.college);
  const locales = item.kind === 'isco' ? TAXONOMY_LOCALES.filter((l) => l !== 'en') : TAXONOMY_LOCALES;
  const errors = serverFieldErrors(t, save.error) ?? {};
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('talentSkills.taxonomy.translateTitle', { name: item.shipped.en ?? '' })}
      size="lg"
    >
      <Stack>
        {conflict && <VersionConflictAlert onReload={onClose} />}
        <Text size="sm" c="dimmed">
          {t('talentSkills.taxonomy.translateIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {locales.map((l) => (
            <TextInput
              key={l}
              label={t('talentSkills.labelIn', { language: t(`talent.locale.${l}`) })}
              placeholder={item.shipped[l] ?? item.shipped.en}
              dir={l === 'ar' ? 'rtl' : 'auto'}
              lang={l}
              maxLength={200}
              value={labels[l] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLabels((x) => ({ ...x, [l]: v }));
              }}
              error={errors[`labels.${l}`]}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  item: item.item,
                  version: item.version,
                  labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v.trim())),
                },
                { onSuccess: onClose },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
