import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_SECTOR_TYPES, type TUser } from '../../../contracts/users.js';
import { currentLocale } from '../../i18n';
import { pickLocalized } from '../../lib/localized';
import { usePartners } from '../partners/api';

export type LinkedPartner = NonNullable<TUser['partner']>;

/** Whether a user of `role` may act for a partner of this type (an enterprise: private sector only). */
export function partnerFitsRole(role: string, type: string): boolean {
  return role !== 'enterprise' || (PRIVATE_SECTOR_TYPES as readonly string[]).includes(type);
}

/**
 * The partner an enterprise or partner user acts for, searched among the college's partners (an
 * enterprise is offered private-sector partners only). The users page saves a choice at once; the
 * invitation form keeps it until the invitation is sent.
 */
export function PartnerLinkSelect({
  role,
  partner,
  onChange,
  ariaLabel,
  label,
  error,
  size = 'xs',
  w = 240,
}: {
  role: string;
  partner: LinkedPartner | null;
  /** The chosen partner (with its names and type, for the caller to show), or null when cleared. */
  onChange: (partner: LinkedPartner | null) => void;
  ariaLabel?: string;
  label?: string;
  error?: React.ReactNode;
  size?: 'xs' | 'sm';
  w?: number | string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [open, setOpen] = useState(false);
  const partners = usePartners({ q: q || undefined, page: 1, pageSize: 50, sort: 'name' });
  const offered = open
    ? (partners.data?.data ?? [])
        .filter((p) => partnerFitsRole(role, p.type))
        .filter((p) => p.id !== partner?.id)
        .map((p) => ({ id: p.id, names: p.names, type: p.type }))
    : [];
  const byId = new Map([...(partner ? [partner] : []), ...offered].map((p) => [p.id, p]));
  return (
    <Select
      aria-label={ariaLabel}
      label={label}
      placeholder={t('userPartner.none')}
      data={[...byId.values()].map((p) => ({ value: p.id, label: pickLocalized(p.names, locale) }))}
      value={partner?.id ?? null}
      searchable
      clearable
      size={size}
      w={w}
      error={error}
      onDropdownOpen={() => setOpen(true)}
      onSearchChange={setSearch}
      onChange={(id) => id !== (partner?.id ?? null) && onChange(id ? (byId.get(id) ?? null) : null)}
    />
  );
}
