import { Anchor, Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TBase, TInfrastructureList } from '../../../contracts/bases.js';
import { worldSkillsSkillName } from '../../../domain/bases/worldskills-skills.js';
import { ImportPreview } from '../../components/import-preview';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { toQueryString } from '../../lib/api';
import { pickLocalized } from '../../lib/localized';
import { sampleUrl, useBase, useTabularImport } from './api';

/** Both imports of the bases: texts under bases.import, problems under bases.problem. */
const basesImport = {
  ns: 'bases.import',
  fileHint: true,
  previewTitle: true,
  problemKey: (code: string) => `bases.problem.${code}`,
  formatRowNumbers: true,
};

export function InfrastructureListImportPage() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [skillNumber, setSkillNumber] = useState('');
  const [skillName, setSkillName] = useState('');
  const { preview, run } = useTabularImport<TInfrastructureList>(
    '/infrastructure-lists/import/preview',
    () => `/infrastructure-lists/import${toQueryString({ name, skillNumber, skillName })}`,
  );
  const ready = name.trim() !== '' && /^[0-9A-Za-z]{1,4}$/.test(skillNumber.trim());
  return (
    <Stack>
      <PageHeader title={t('bases.lists.import')} />
      <ImportPreview
        {...basesImport}
        intro={t('bases.lists.importIntro')}
        sample={{ csv: sampleUrl('list', 'csv'), xlsx: sampleUrl('list', 'xlsx') }}
        preview={preview}
        run={run}
        ready={ready}
        fields={
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('bases.lists.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t('bases.skillNumber')}
              description={t('bases.skillNumberHint')}
              required
              value={skillNumber}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setSkillNumber(v);
                const known = worldSkillsSkillName(v);
                if (known && !skillName) {
                  setSkillName(known);
                }
              }}
            />
            <TextInput
              label={t('bases.skillName')}
              value={skillName}
              onChange={(e) => setSkillName(e.currentTarget.value)}
            />
          </SimpleGrid>
        }
        done={(list) => (
          <Stack gap="xs">
            <Text>{t('bases.lists.done', { count: list.itemCount, revision: list.revision })}</Text>
            <Anchor component={Link} to={`/bases/lists/${list.id}`}>
              {t('bases.lists.open')}
            </Anchor>
          </Stack>
        )}
      />
    </Stack>
  );
}

export function InventoryImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const base = useBase(id);
  const [replace, setReplace] = useState(false);
  const { preview, run } = useTabularImport<{ imported: number; base: TBase }>(
    `/bases/${encodeURIComponent(id)}/equipment/import/preview`,
    () =>
      `/bases/${encodeURIComponent(id)}/equipment/import${toQueryString({ mode: replace ? 'replace' : 'append' })}`,
  );
  return (
    <Stack>
      <PageHeader
        title={t('bases.equipment.import')}
        subtitle={base.data ? pickLocalized(base.data.names, currentLocale()) : undefined}
      />
      <ImportPreview
        {...basesImport}
        intro={t('bases.equipment.importIntro')}
        sample={{ csv: sampleUrl('inventory', 'csv'), xlsx: sampleUrl('inventory', 'xlsx') }}
        preview={preview}
        run={run}
        fields={
          <Checkbox
            label={t('bases.equipment.replace')}
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
          />
        }
        done={(r) => (
          <Stack gap="xs">
            <Text>{t('bases.equipment.done', { count: r.imported })}</Text>
            <Anchor component={Link} to={`/bases/${id}?tab=equipment`}>
              {t('bases.backToBase')}
            </Anchor>
          </Stack>
        )}
      />
    </Stack>
  );
}
