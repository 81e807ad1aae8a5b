import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TEnrolmentImportPreview } from '../../../contracts/training.js';
import type { Column } from '../../components/data-table';
import { ImportPreview } from '../../components/import-preview';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { enrolmentSampleUrl, usePreviewEnrolmentImport, useRunEnrolmentImport } from './api';

type Row = TEnrolmentImportPreview['rows'][number];

export function EnrolmentImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const preview = usePreviewEnrolmentImport(id);
  const run = useRunEnrolmentImport(id);
  const repeat = useRunEnrolmentImport(id, { allowRepeat: true });
  const rowColumns: Column<Row>[] = [
    { key: 'row', header: t('training.import.row'), render: (r) => r.row },
    { key: 'nameLatin', header: t('training.participant.nameLatin'), render: (r) => r.nameLatin },
    {
      key: 'nameNative',
      header: t('training.participant.nameNative'),
      render: (r) => <span dir="auto">{r.nameNative}</span>,
    },
    {
      key: 'country',
      header: t('training.participant.country'),
      render: (r) => countryName(r.country, locale),
    },
    {
      key: 'email',
      header: t('training.participant.email'),
      render: (r) => <span dir="ltr">{r.email}</span>,
    },
  ];

  return (
    <ImportPreview
      ns="training.import"
      header={<PageHeader title={t('training.import.title')} />}
      intro={t('training.import.intro')}
      sample={{ csv: enrolmentSampleUrl('csv'), xlsx: enrolmentSampleUrl('xlsx') }}
      problemKey={(code) => `training.import.problems.${code}`}
      rowColumns={rowColumns}
      preview={preview}
      run={run}
      repeat={repeat}
      done={(result) => (
        <Stack gap="xs">
          <Text>{t('training.import.done', { count: result.imported, waitlisted: result.waitlisted })}</Text>
          <Anchor component={Link} to={`/training/cohorts/${id}`}>
            {t('training.import.backToCohort')}
          </Anchor>
        </Stack>
      )}
    />
  );
}
