import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDemandPostings } from './demand-api';
import { iscoLabel } from './taxonomy';

const PAGE_SIZE = 25;

/** "My demand" for enterprises and partners; every posting of the college for its coordinators. */
export function DemandListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const [page, setPage] = useState(1);
  const list = useDemandPostings(page, PAGE_SIZE);
  const college = can(Permission.TalentManage);
  return (
    <Stack>
      <PageHeader
        title={college ? t('talent.demand.allTitle') : t('talent.demand.myTitle')}
        subtitle={t('talent.demand.intro')}
        actions={
          <Button component={Link} to="/talent/demand/new">
            {t('talent.demand.new')}
          </Button>
        }
      />
      {list.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, list.error)}
        </Alert>
      )}
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && list.data.data.length === 0 && (
        <Card withBorder>
          <Text c="dimmed">{t('talent.demand.empty')}</Text>
        </Card>
      )}
      {list.data && list.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('talent.demand.enterprise')}</Table.Th>
                <Table.Th>{t('talent.occupation')}</Table.Th>
                <Table.Th>{t('talent.country')}</Table.Th>
                <Table.Th>{t('talent.demand.headcount')}</Table.Th>
                <Table.Th>{t('talent.demand.startDate')}</Table.Th>
                <Table.Th>{t('talent.demand.statusLabel')}</Table.Th>
                <Table.Th>{t('talent.demand.shortlistTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/talent/demand/${p.id}`} dir="auto">
                      {p.enterpriseName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <span dir="ltr">{p.iscoCode}</span> · {iscoLabel(p.iscoCode)}
                  </Table.Td>
                  <Table.Td>
                    {countryName(p.country, locale)}
                    {p.site && ` · ${p.site}`}
                  </Table.Td>
                  <Table.Td>{p.headcount}</Table.Td>
                  <Table.Td>{formatDate(p.startDate, locale)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`talent.demand.status.${p.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{Object.values(p.stageCounts).reduce((a, b) => a + (b ?? 0), 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Group justify="center">
          <Pagination value={page} onChange={setPage} total={Math.ceil(list.data.total / PAGE_SIZE)} />
        </Group>
      )}
    </Stack>
  );
}
