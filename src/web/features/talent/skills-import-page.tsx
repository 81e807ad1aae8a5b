import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCollegeSkillImportPreview } from '../../../contracts/talent-skills.js';
import type { Column } from '../../components/data-table';
import { ImportPreview } from '../../components/import-preview';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { skillsExportUrl, usePreviewSkillImport, useRunSkillImport } from './skills-api';

type PreviewRow = TCollegeSkillImportPreview['rows'][number];

/** The college's skills from XLSX or CSV (the export's columns): every problem by row first, then all or none. */
export function CollegeSkillsImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const preview = usePreviewSkillImport();
  const run = useRunSkillImport();
  const rowColumns: Column<PreviewRow>[] = [
    { key: 'row', header: t('talentSkills.import.row'), render: (r) => formatNumber(r.row, locale) },
    { key: 'code', header: t('talentSkills.code'), render: (r) => <span dir="ltr">{r.code}</span> },
    {
      key: 'action',
      header: t('talentSkills.import.action'),
      render: (r) => t(`talentSkills.import.actions.${r.action}`),
    },
  ];
  return (
    <ImportPreview
      ns="talentSkills.import"
      header={<PageHeader title={t('talentSkills.import.title')} />}
      intro={t('talentSkills.import.intro')}
      sample={{
        csv: skillsExportUrl('csv'),
        xlsx: skillsExportUrl('xlsx'),
        csvLabel: t('talentSkills.import.currentCsv'),
        xlsxLabel: t('talentSkills.import.currentXlsx'),
      }}
      fileHint
      previewTitle
      problemKey={(code) => `talentSkills.problem.${code}`}
      formatRowNumbers
      rowColumns={rowColumns}
      preview={preview}
      run={run}
      done={(result) => (
        <Stack gap="xs">
          <Text>{t('talentSkills.import.done', { created: result.created, updated: result.updated })}</Text>
          <Anchor component={Link} to="/talent/skills">
            {t('talentSkills.import.backToList')}
          </Anchor>
        </Stack>
      )}
    />
  );
}
