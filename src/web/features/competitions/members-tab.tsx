import { Button, CloseButton, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEMBER_KINDS,
  type TMember,
  type TMemberInput,
  ZMemberInput,
} from '../../../contracts/competitions.js';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useUsers } from '../admin/api';
import { PartnerPicker } from '../partners/partner-picker';
import { useDeleteMember, useMembers, useRegistrar, useSaveMember } from './api';
import { SaveError } from './shared';

const blank = (): TMemberInput => ({ code: '', names: {}, kind: 'country', country: '', partnerId: null });

function MemberModal({
  competitionId,
  member,
  opened,
  onClose,
}: {
  competitionId: string;
  member: TMember | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMember(competitionId);
  const form = useForm<TMemberInput>({ initialValues: blank(), validate: zodValidator(ZMemberInput, t) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on another member
  useEffect(() => {
    if (opened) {
      save.reset();
      form.clearErrors();
      form.setValues(
        member
          ? {
              code: member.code,
              names: { ...member.names },
              kind: member.kind,
              country: member.country,
              partnerId: member.partner?.id ?? null,
            }
          : blank(),
      );
    }
  }, [opened, member?.id, member?.version]);

  const v = form.getValues();
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: member?.id, version: member?.version, data: ZMemberInput.parse(values) as TMemberInput },
      { onSuccess: onClose, onError: (e) => form.setErrors(serverFieldErrors(t, e) ?? {}) },
    ),
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={member ? t('competitions.members.edit') : t('competitions.members.add')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SaveError error={save.error} onReload={onClose} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('competitions.members.code')}
              description={t('competitions.members.codeHint')}
              required
              dir="ltr"
              {...form.getInputProps('code')}
            />
            <Select
              label={t('competitions.members.kind')}
              allowDeselect={false}
              data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`competitions.memberKinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <CountrySelect label={t('competitions.country')} required {...form.getInputProps('country')} />
          </SimpleGrid>
          <LocalizedTextEditor
            legend={t('competitions.name')}
            value={v.names}
            onChange={(x) => form.setFieldValue('names', x)}
            required={['en']}
            error={form.errors.names}
          />
          <PartnerPicker
            label={t('competitions.members.partner')}
            description={t('competitions.members.partnerHint')}
            maxValues={1}
            value={v.partnerId ? [v.partnerId] : []}
            onChange={(ids) => form.setFieldValue('partnerId', ids[0] ?? null)}
            known={member?.partner ? [member.partner] : []}
            error={form.errors.partnerId}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Registrars of one member: partner-role users of the college, added and removed here. */
function Registrars({ member, canManage }: { member: TMember; canManage: boolean }) {
  const { t } = useTranslation();
  const { add, remove } = useRegistrar();
  const [q, setQ] = useState('');
  const partners = useUsers({ role: 'partner', status: 'active', q, pageSize: 50 });
  const taken = new Set(member.registrars.map((r) => r.userId));
  const options = (partners.data?.data ?? [])
    .filter((u) => !taken.has(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }));
  return (
    <Stack gap={4}>
      {member.registrars.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('competitions.members.noRegistrars')}
        </Text>
      )}
      {member.registrars.map((r) => (
        <Group key={r.userId} gap={4} wrap="nowrap">
          <Text size="sm">
            {r.displayName} <span dir="ltr">&lt;{r.email}&gt;</span>
          </Text>
          {canManage && (
            <CloseButton
              size="sm"
              aria-label={t('competitions.members.removeRegistrar', { name: r.displayName })}
              onClick={() => remove.mutate({ memberId: member.id, userId: r.userId })}
            />
          )}
        </Group>
      ))}
      {canManage && (
        <Select
          size="xs"
          aria-label={t('competitions.members.addRegistrar')}
          placeholder={t('competitions.members.addRegistrar')}
          searchable
          searchValue={q}
          onSearchChange={setQ}
          data={options}
          value={null}
          nothingFoundMessage={t('competitions.members.noPartnerUsers')}
          onChange={(userId) => userId && add.mutate({ memberId: member.id, userId })}
          error={add.error || remove.error ? t('competitions.members.registrarFailed') : undefined}
        />
      )}
    </Stack>
  );
}

export function MembersTab({ competitionId, canManage }: { competitionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const members = useMembers(competitionId);
  const del = useDeleteMember();
  const [editing, setEditing] = useState<TMember | 'new' | null>(null);
  const columns: Column<TMember>[] = [
    {
      key: 'code',
      header: t('competitions.members.code'),
      noWrap: true,
      render: (m) => <strong>{m.code}</strong>,
    },
    {
      key: 'name',
      header: t('competitions.name'),
      render: (m) => (
        <Stack gap={0}>
          <span>{pickLocalized(m.names, locale)}</span>
          <Text size="xs" c="dimmed">
            {t(`competitions.memberKinds.${m.kind}`)} · {countryName(m.country, locale)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'partner',
      header: t('competitions.members.partner'),
      render: (m) => (m.partner ? pickLocalized(m.partner.names, locale) : '—'),
    },
    {
      key: 'registrars',
      header: t('competitions.members.registrars'),
      render: (m) => <Registrars member={m} canManage={canManage} />,
    },
    { key: 'entries', header: t('competitions.entries.title'), noWrap: true, render: (m) => m.entryCount },
    { key: 'experts', header: t('competitions.experts.title'), noWrap: true, render: (m) => m.expertCount },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            noWrap: true,
            render: (m: TMember) => (
              <Group gap={4}>
                <Button size="xs" variant="default" onClick={() => setEditing(m)}>
                  {t('common.edit')}
                </Button>
                {m.entryCount + m.expertCount === 0 && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (window.confirm(t('competitions.members.deleteConfirm', { code: m.code }))) {
                        del.mutate({ id: m.id, version: m.version });
                      }
                    }}
                  >
                    {t('competitions.members.delete')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      {canManage && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('competitions.members.add')}</Button>
        </Group>
      )}
      <SaveError error={del.error} onReload={() => void members.refetch()} />
      <DataTable
        label={t('competitions.tabs.members')}
        columns={columns}
        rows={members.data?.data}
        rowKey={(m) => m.id}
        loading={members.isFetching}
        error={members.error}
        onRetry={() => void members.refetch()}
        empty={<Text c="dimmed">{t('competitions.members.empty')}</Text>}
      />
      {canManage && (
        <MemberModal
          competitionId={competitionId}
          member={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
