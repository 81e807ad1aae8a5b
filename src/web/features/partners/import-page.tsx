import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportPreview } from '../../../contracts/partners.js';
import type { Column } from '../../components/data-table';
import { ImportPreview } from '../../components/import-preview';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatNumber } from '../../lib/format';
import { sampleUrl, usePreviewImport, useRunImport } from './api';

type PreviewRow = TImportPreview['rows'][number];

export function PartnerImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const preview = usePreviewImport();
  const run = useRunImport();
  const repeat = useRunImport({ allowRepeat: true });
  const rowColumns: Column<PreviewRow>[] = [
    { key: 'row', header: t('partners.import.row'), render: (r) => formatNumber(r.row, locale) },
    { key: 'name', header: t('partners.name'), render: (r) => <span dir="auto">{r.name}</span> },
    {
      key: 'country',
      header: t('partners.country'),
      render: (r) => (r.country ? countryName(r.country, locale) : ''),
    },
    {
      key: 'type',
      header: t('partners.type'),
      render: (r) => (r.type ? t(`partners.types.${r.type}`, { defaultValue: r.type }) : ''),
    },
    {
      key: 'action',
      header: t('partners.import.action'),
      render: (r) => (
        <Badge color={r.action === 'create' ? 'green' : 'gray'} variant="light">
          {t(`partners.import.actions.${r.action}`)}
        </Badge>
      ),
    },
  ];

  return (
    <ImportPreview
      ns="partners.import"
      header={<PageHeader title={t('partners.import.title')} />}
      intro={t('partners.import.intro')}
      sample={{
        csv: sampleUrl('csv'),
        xlsx: sampleUrl('xlsx'),
        csvLabel: t('partners.import.sampleCsv'),
        xlsxLabel: t('partners.import.sampleXlsx'),
      }}
      fileHint
      previewTitle
      problemKey={(code) => `import.problem.${code}`}
      formatRowNumbers
      rowColumns={rowColumns}
      preview={preview}
      run={run}
      repeat={repeat}
      done={(result) => (
        <Stack gap="xs">
          <Text>{t('partners.import.done', { count: result.imported })}</Text>
          <Anchor component={Link} to="/partners">
            {t('partners.import.backToList')}
          </Anchor>
        </Stack>
      )}
    />
  );
}
