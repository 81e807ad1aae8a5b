import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Menu,
  Modal,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '../../../contracts/certificates.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { downloadUrl, useCertificates, useIssuerKeys, useRevokeCertificate, useRotateKey } from './api';
import { CertificateStatusBadge } from './status-badge';

const PAGE_SIZE = 25;

/** All certificates of the organization: search, download, revoke; and the signing keys. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useCertificates({ q: q || undefined, status: status ?? undefined, page, pageSize: PAGE_SIZE });
  const [revoking, setRevoking] = useState<TCertificate | null>(null);

  return (
    <Stack>
      <PageHeader title={t('certificates.title')} subtitle={t('certificates.subtitle')} />
      <Group>
        <TextInput
          label={t('certificates.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label={t('certificates.fields.status')}
          clearable
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={['valid', 'revoked', 'expired'].map((s) => ({
            value: s,
            label: t(`certificates.status.${s}`),
          }))}
        />
      </Group>
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('certificates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificates.fields.number')}</Table.Th>
              <Table.Th>{t('certificates.fields.participant')}</Table.Th>
              <Table.Th>{t('certificates.fields.programme')}</Table.Th>
              <Table.Th>{t('certificates.fields.issuedAt')}</Table.Th>
              <Table.Th>{t('certificates.fields.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor href={c.verifyUrl} target="_blank" rel="noopener">
                    {c.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text dir="auto">{c.recipientNameLatin}</Text>
                  {c.recipientNameNative && (
                    <Text size="sm" c="dimmed" dir="auto">
                      {c.recipientNameNative}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td dir="auto">{pickLocalized(c.programmeTitle, locale)}</Table.Td>
                <Table.Td>{formatDate(c.issuedAt.slice(0, 10), locale)}</Table.Td>
                <Table.Td>
                  <CertificateStatusBadge status={c.status} />
                  {c.revokedReason && (
                    <Text size="xs" c="dimmed">
                      {c.revokedReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Menu>
                      <Menu.Target>
                        <Button size="xs" variant="default">
                          {t('certificates.download')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item component="a" href={downloadUrl(c.id, 'pdf')}>
                          PDF
                        </Menu.Item>
                        <Menu.Item component="a" href={downloadUrl(c.id, 'json')}>
                          {t('certificates.credentialJson')}
                        </Menu.Item>
                        <Menu.Item component="a" href={downloadUrl(c.id, 'jwt')}>
                          {t('certificates.credentialJwt')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                    {c.abilities.revoke && (
                      <Button size="xs" color="red" variant="light" onClick={() => setRevoking(c)}>
                        {t('certificates.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.total === 0 && <Text c="dimmed">{t('certificates.empty')}</Text>}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
      <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />
      {can(Permission.IssuerKeyManage) && <KeysCard />}
    </Stack>
  );
}

function RevokeModal({ certificate, onClose }: { certificate: TCertificate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened={certificate !== null}
      onClose={onClose}
      title={t('certificates.revokeTitle', { number: certificate?.number })}
    >
      <Stack>
        <Text size="sm">{t('certificates.revokeHelp')}</Text>
        <Textarea
          label={t('certificates.fields.reason')}
          required
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            disabled={reason.trim().length < 3}
            onClick={async () => {
              if (!certificate) {
                return;
              }
              setError(null);
              try {
                await revoke.mutateAsync({
                  id: certificate.id,
                  version: certificate.version,
                  reason: reason.trim(),
                });
                setReason('');
                onClose();
              } catch (e) {
                setError(errorMessage(t, e));
              }
            }}
          >
            {t('certificates.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function KeysCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const keys = useIssuerKeys(true);
  const rotate = useRotateKey();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('certificates.keys.title')}
          </Title>
          <Button variant="light" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            {t('certificates.keys.rotate')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('certificates.keys.help')}
        </Text>
        {keys.data && (
          <>
            <Anchor href={keys.data.jwksUrl} target="_blank" rel="noopener" size="sm">
              {keys.data.jwksUrl}
            </Anchor>
            {keys.data.data.map((k) => (
              <Group key={k.id} gap="xs">
                <Code>{k.id.slice(0, 16)}…</Code>
                <Text size="sm">{k.algorithm}</Text>
                <Text size="sm">{t(`certificates.keys.${k.status}`)}</Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(k.createdAt, locale)}
                </Text>
              </Group>
            ))}
          </>
        )}
        {rotate.isError && <Alert color="red">{errorMessage(t, rotate.error)}</Alert>}
      </Stack>
    </Card>
  );
}
