import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { pickLocalized } from '../../lib/localized';
import { usePartners } from './api';

interface Props
  extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string[];
  onChange: (ids: string[], chosen: { value: string; label: string }[]) => void;
  /** Names of already chosen partners (so they show before any search). */
  known?: { id: string; names: Record<string, string>; country?: string }[];
  excludeId?: string;
}

function partnerLabel(p: { names: Record<string, string>; country?: string }, locale: string): string {
  return [pickLocalized(p.names, locale), p.country ? countryName(p.country, locale) : '']
    .filter(Boolean)
    .join(' — ');
}

/** Multi-select of partners, searched on the server through the list endpoint. */
export function PartnerPicker({ value, onChange, known = [], excludeId, ...rest }: Props) {
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const found = usePartners({
    q: debounced || undefined,
    page: 1,
    pageSize: 20,
    sort: 'name',
    archived: 'false',
  });
  const [labels, setLabels] = useState<Record<string, string>>({});

  const data = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of known) {
      map.set(p.id, partnerLabel(p, locale));
    }
    for (const [id, l] of Object.entries(labels)) {
      map.set(id, l);
    }
    for (const p of found.data?.data ?? []) {
      map.set(p.id, partnerLabel(p, locale));
    }
    if (excludeId) {
      map.delete(excludeId);
    }
    return [...map].map(([v, l]) => ({ value: v, label: l }));
  }, [known, labels, found.data, excludeId, locale]);

  return (
    <MultiSelect
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        const next = { ...labels };
        for (const d of data) {
          if (ids.includes(d.value)) {
            next[d.value] = d.label;
          }
        }
        setLabels(next);
        onChange(
          ids,
          data.filter((d) => ids.includes(d.value)),
        );
      }}
      {...rest}
    />
  );
}

type OneProps = Omit<Props, 'value' | 'onChange' | 'maxValues'> & {
  /** The chosen partner's id; null or '' for none. */
  value: string | null;
  onChange: (id: string | null) => void;
};

/** The same picker holding at most one partner, as a form field or a list filter. */
export function OnePartnerPicker({ value, onChange, ...rest }: OneProps) {
  return (
    <PartnerPicker
      maxValues={1}
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? null)}
      {...rest}
    />
  );
}
