import { Button, CloseButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEMBER_KINDS,
  type TMember,
  type TMemberInput,
  ZMemberInput,
} from '../../../contracts/competitions.js';
import { CountrySelect } from '../../components/country-select';
import type { Column } from '../../components/data-table';
import { useModalForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useUsers } from '../admin/api';
import { OnePartnerPicker } from '../partners/partner-picker';
import { useDeleteMember, useMembers, useRegistrar, useSaveMember } from './api';
import { RecordFormModal, RecordsTable } from './shared';

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
  const submit = useModalForm({
    opened,
    record: member,
    form,
    save,
    toValues: (m) =>
      m
        ? {
            code: m.code,
            names: { ...m.names },
            kind: m.kind,
            country: m.country,
            partnerId: m.partner?.id ?? null,
          }
        : blank(),
    toData: (values) => ZMemberInput.parse(values) as TMemberInput,
    onClose,
  });

  const v = form.getValues();
  return (
    <RecordFormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={member ? t('competitions.members.edit') : t('competitions.members.add')}
      onSubmit={submit}
      saveError={save.error}
      saving={save.isPending}
    >
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
      <OnePartnerPicker
        label={t('competitions.members.partner')}
        description={t('competitions.members.partnerHint')}
        value={v.partnerId}
        onChange={(id) => form.setFieldValue('partnerId', id)}
        known={member?.partner ? [member.partner] : []}
        error={form.errors.partnerId}
      />
    </RecordFormModal>
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
      <RecordsTable
        label={t('competitions.tabs.members')}
        addLabel={t('competitions.members.add')}
        columns={columns}
        query={members}
        deleteError={del.error}
        empty={t('competitions.members.empty')}
        canManage={canManage}
        editing={editing}
        onEdit={setEditing}
        modal={(p) => (
          <MemberModal
            competitionId={competitionId}
            member={p.record}
            opened={p.opened}
            onClose={p.onClose}
          />
        )}
      />
    </Stack>
  );
}
