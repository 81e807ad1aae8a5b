import { Alert, Anchor, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { errorMessage } from '../../lib/errors';
import { downloadUrl, useBatch, useCohortCertificates, useIssueCertificate, useStartBatch } from './api';
import { CertificateStatusBadge } from './status-badge';

/**
 * Certificates of one cohort: who is eligible (and why not), issue one by one, or all eligible at
 * once with a progress bar. Rendered on the training module's cohort page.
 */
export function CohortCertificatesPanel({ cohortId }: { cohortId: string }) {
  const can = useCan();
  return can(Permission.CertificateRead) ? <Panel cohortId={cohortId} /> : null;
}

function Panel({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const rows = useCohortCertificates(cohortId);
  const issue = useIssueCertificate();
  const start = useStartBatch();
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useBatch(batchId);
  const [error, setError] = useState<string | null>(null);
  const canIssue = can(Permission.CertificateIssue);
  const data = rows.data?.data ?? [];
  const pending = data.filter((r) => r.eligible && !r.certificate).length;
  const b = batch.data;
  const running = Boolean(batchId) && (!b || b.status === 'running');

  return (
    <Card withBorder mt="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('certificates.cohort.title')}
          </Title>
          {canIssue && (
            <Button
              disabled={pending === 0 || running}
              loading={start.isPending}
              onClick={async () => {
                setError(null);
                try {
                  setBatchId((await start.mutateAsync(cohortId)).id);
                } catch (e) {
                  setError(errorMessage(t, e));
                }
              }}
            >
              {t('certificates.cohort.issueAll', { count: pending })}
            </Button>
          )}
        </Group>
        {b && (
          <Stack gap={4} aria-live="polite">
            <Progress
              value={b.total === 0 ? 100 : ((b.done + b.failed) / b.total) * 100}
              animated={b.status === 'running'}
            />
            <Text size="sm" c="dimmed">
              {t(`certificates.batch.${b.status}`, { done: b.done, total: b.total, failed: b.failed })}
            </Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {rows.isError && <Alert color="red">{errorMessage(t, rows.error)}</Alert>}
        {data.length === 0 && !rows.isPending && <Text c="dimmed">{t('certificates.cohort.empty')}</Text>}
        {data.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('certificates.fields.participant')}</Table.Th>
                  <Table.Th>{t('certificates.cohort.eligibility')}</Table.Th>
                  <Table.Th>{t('certificates.fields.certificate')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((r) => (
                  <Table.Tr key={r.enrolmentId}>
                    <Table.Td>
                      <Text dir="auto">{r.nameLatin}</Text>
                      {r.nameNative && (
                        <Text size="sm" c="dimmed" dir="auto">
                          {r.nameNative}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.eligible ? (
                        <Text c="var(--mantine-color-green-light-color)">
                          {t('certificates.cohort.eligible')}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {r.reasons
                            .map((x) => t(`certificates.reasons.${x}`, { defaultValue: x }))
                            .join('; ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.certificate && (
                        <Group gap="xs">
                          <Anchor href={downloadUrl(r.certificate.id, 'pdf')}>{r.certificate.number}</Anchor>
                          <CertificateStatusBadge status={r.certificate.status} />
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canIssue && r.eligible && !r.certificate && (
                        <Button
                          size="xs"
                          variant="light"
                          disabled={running}
                          loading={issue.isPending && issue.variables === r.enrolmentId}
                          onClick={async () => {
                            setError(null);
                            try {
                              await issue.mutateAsync(r.enrolmentId);
                            } catch (e) {
                              setError(errorMessage(t, e));
                            }
                          }}
                        >
                          {t('certificates.cohort.issue')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
