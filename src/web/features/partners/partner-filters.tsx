import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IATI_ORGANISATION_TYPES } from '../../../contracts/partners.js';
import { CountrySelect } from '../../components/country-select';
import type { PartnerFilters } from './api';

interface Props {
  values: PartnerFilters;
  onChange: (patch: Partial<PartnerFilters>) => void;
}

/** Options for the IATI organisation type select, with translated labels. */
export function useOrganisationTypeOptions() {
  const { t } = useTranslation();
  return IATI_ORGANISATION_TYPES.map((code) => ({ value: code, label: t(`partners.types.${code}`) }));
}

export function PartnerFiltersBar({ values, onChange }: Props) {
  const { t } = useTranslation();
  const types = useOrganisationTypeOptions();
  const [q, setQ] = useState(values.q ?? '');
  const [tag, setTag] = useState(values.tag ?? '');
  const pushQ = useDebouncedCallback((v: string) => onChange({ q: v }), 350);
  const pushTag = useDebouncedCallback((v: string) => onChange({ tag: v }), 350);
  const any = Boolean(
    values.q ||
      values.country ||
      values.type ||
      values.tag ||
      values.hasActiveAgreement ||
      (values.archived && values.archived !== 'false'),
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('partners.filters')}>
      <TextInput
        label={t('common.search')}
        placeholder={t('partners.searchPlaceholder')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={220}
        type="search"
      />
      <CountrySelect
        label={t('partners.country')}
        value={values.country || null}
        onChange={(v) => onChange({ country: v ?? '' })}
        w={200}
      />
      <Select
        label={t('partners.type')}
        data={types}
        value={values.type || null}
        onChange={(v) => onChange({ type: v ?? '' })}
        clearable
        searchable
        w={240}
      />
      <TextInput
        label={t('partners.tag')}
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          pushTag(e.currentTarget.value);
        }}
        w={140}
      />
      <Select
        label={t('partners.hasActiveAgreement')}
        data={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={values.hasActiveAgreement || null}
        onChange={(v) => onChange({ hasActiveAgreement: v ?? '' })}
        clearable
        placeholder={t('common.any')}
        w={170}
      />
      <Select
        label={t('partners.archivedFilter')}
        data={[
          { value: 'false', label: t('partners.archivedOptions.false') },
          { value: 'true', label: t('partners.archivedOptions.true') },
          { value: 'all', label: t('partners.archivedOptions.all') },
        ]}
        value={values.archived || 'false'}
        onChange={(v) => onChange({ archived: v === 'false' ? '' : (v ?? '') })}
        allowDeselect={false}
        w={160}
      />
      {any && (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            setTag('');
            onChange({ q: '', country: '', type: '', tag: '', hasActiveAgreement: '', archived: '' });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
