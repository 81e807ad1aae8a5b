import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ComplianceView } from './compliance-view';

/** The print-friendly gap list of a base: the app chrome is hidden when printing (bases-print.css). */
export function BaseCompliancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  return (
    <Stack>
      <PageHeader title={t('bases.compliance.printTitle')} />
      <Anchor component={Link} to={`/bases/${id}?tab=compliance`} className="no-print">
        {t('bases.backToBase')}
      </Anchor>
      <ComplianceView
        baseId={id}
        listId={params.get('listId')}
        competitorsFrom={params.get('competitorsFrom') === 'trainees' ? 'trainees' : 'workstations'}
        onChange={(next) => {
          const p = new URLSearchParams();
          if (next.listId) {
            p.set('listId', next.listId);
          }
          p.set('competitorsFrom', next.competitorsFrom);
          setParams(p, { replace: true });
        }}
        printable
      />
    </Stack>
  );
}
