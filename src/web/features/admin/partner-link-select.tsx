import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_SECTOR_TYPES, type TUser } from '../../../contracts/users.js';
import { currentLocale } from '../../i18n';
import { pickLocalized } from '../../lib/localized';
import { usePartners } from '../partners/api';

/**
 * The partner an enterprise or partner user acts for, searched among the college's partners (an
 * enterprise is offered private-sector partners only). Choosing one, or clearing it, saves at once.
 */
export function PartnerLinkSelect({
  user,
  onChange,
}: {
  user: TUser;
  onChange: (partnerId: string | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [open, setOpen] = useState(false);
  const partners = usePartners({ q: q || undefined, page: 1, pageSize: 50, sort: 'name' });
  const current = user.partner
    ? [{ value: user.partner.id, label: pickLocalized(user.partner.names, locale) }]
    : [];
  const found = open
    ? (partners.data?.data ?? [])
        .filter(
          (p) => user.role !== 'enterprise' || (PRIVATE_SECTOR_TYPES as readonly string[]).includes(p.type),
        )
        .filter((p) => p.id !== user.partner?.id)
        .map((p) => ({ value: p.id, label: pickLocalized(p.names, locale) }))
    : [];
  return (
    <Select
      aria-label={t('userPartner.label', { email: user.email })}
      placeholder={t('userPartner.none')}
      data={[...current, ...found]}
      value={user.partner?.id ?? null}
      searchable
      clearable
      size="xs"
      w={240}
      onDropdownOpen={() => setOpen(true)}
      onSearchChange={setSearch}
      onChange={(id) => id !== (user.partner?.id ?? null) && onChange(id)}
    />
  );
}
