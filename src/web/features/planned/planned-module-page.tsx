import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header';

/** Modules on the road map: an honest "planned" page, no sample data. */
export function PlannedModulePage() {
  const { t } = useTranslation();
  const module = useLocation().pathname.split('/')[1] ?? '';
  return (
    <>
      <PageHeader title={t(`nav.${module}`)} />
      <Alert color="blue" variant="light" title={t('planned.title')}>
        <Text>{t(`planned.${module}`)}</Text>
        <Text mt="xs" size="sm">
          {t('planned.note')}
        </Text>
      </Alert>
    </>
  );
}
