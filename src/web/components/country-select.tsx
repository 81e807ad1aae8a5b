import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { currentLocale } from '../i18n';
import { countryOptions } from '../lib/countries';

/** Searchable country select with names in the UI language; value is ISO 3166-1 alpha-2. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const locale = currentLocale();
  const data = useMemo(() => countryOptions(locale), [locale]);
  return <Select searchable clearable data={data} nothingFoundMessage="—" {...props} />;
}
