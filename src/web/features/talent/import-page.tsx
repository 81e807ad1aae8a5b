import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTalentImportPreview } from '../../../contracts/talent.js';
import type { Column } from '../../components/data-table';
import { ImportPreview } from '../../components/import-preview';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { sampleUrl, usePreviewTalentImport, useRunTalentImport } from './api';
import { iscoLabel } from './taxonomy';

type PreviewRow = TTalentImportPreview['rows'][number];

/** Bulk import from XLSX or CSV: every problem by row and column first, then all rows or none. */
export function TalentImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const preview = usePreviewTalentImport();
  const run = useRunTalentImport();
  const repeat = useRunTalentImport({ allowRepeat: true });
  const rowColumns: Column<PreviewRow>[] = [
    { key: 'row', header: t('talent.import.row'), render: (r) => formatNumber(r.row, locale) },
    { key: 'name', header: t('talent.name'), render: (r) => <span dir="auto">{r.nameLatin}</span> },
    { key: 'email', header: t('talent.email'), render: (r) => <span dir="ltr">{r.email}</span> },
    {
      key: 'isco',
      header: t('talent.occupation'),
      render: (r) => `${r.iscoCode} · ${iscoLabel(r.iscoCode)}`,
    },
    { key: 'skills', header: t('talent.skills'), render: (r) => formatNumber(r.skills, locale) },
    { key: 'languages', header: t('talent.languages'), render: (r) => formatNumber(r.languages, locale) },
  ];
  return (
    <ImportPreview
      ns="talent.import"
      header={<PageHeader title={t('talent.import.title')} />}
      intro={t('talent.import.intro')}
      sample={{ csv: sampleUrl('csv'), xlsx: sampleUrl('xlsx') }}
      fileHint
      previewTitle
      problemKey={(code) => `talent.importProblem.${code}`}
      formatRowNumbers
      rowColumns={rowColumns}
      preview={preview}
      run={run}
      repeat={repeat}
      done={(result) => (
        <Stack gap="xs">
          <Text>{t('talent.import.done', { count: result.imported })}</Text>
          <Anchor component={Link} to="/talent">
            {t('talent.import.backToList')}
          </Anchor>
        </Stack>
      )}
    />
  );
}
