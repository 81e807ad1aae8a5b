import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPartner } from '../../../contracts/partners.js';
import { type Column, DataTable } from '../../components/data-table';

type Contact = TPartner['contacts'][number];

/** Language skills as "fr C1, en B2" with language names in the UI language. */
export function useLanguageSkillText() {
  const { t, i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (skills: Contact['languages']) =>
    skills
      .map(
        (s) =>
          `${safeName(names, s.language)} ${s.level === 'native' ? `(${t('partners.contacts.native')})` : s.level}`,
      )
      .join(', ');
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const skills = useLanguageSkillText();
  const columns: Column<Contact>[] = [
    {
      key: 'name',
      header: t('partners.contacts.name'),
      render: (c) => (
        <>
          <Text size="sm" dir="auto">
            {c.nameNative || c.nameLatin}
          </Text>
          {c.nameNative && (
            <Text size="xs" c="dimmed">
              {c.nameLatin}
            </Text>
          )}
        </>
      ),
    },
    { key: 'position', header: t('partners.contacts.position'), render: (c) => c.position },
    {
      key: 'email',
      header: t('partners.contacts.email'),
      render: (c) =>
        c.email ? (
          <Anchor href={`mailto:${c.email}`} dir="ltr">
            {c.email}
          </Anchor>
        ) : (
          ''
        ),
    },
    { key: 'phone', header: t('partners.contacts.phone'), render: (c) => <span dir="ltr">{c.phone}</span> },
    {
      key: 'languages',
      header: t('partners.contacts.languages'),
      render: (c) => skills(c.languages),
    },
  ];
  return (
    <DataTable
      label={t('partners.contacts.title')}
      columns={columns}
      rows={contacts}
      rowKey={(c) => c.id}
      empty={t('partners.contacts.empty')}
    />
  );
}
