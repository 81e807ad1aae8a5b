import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../lib/api';
import { type Column, DataTable } from './data-table';

/** Typed filters wait this long after the last key before the list (and the URL) follows. */
const TYPING_DELAY_MS = 350;

/** The labelled search landmark above a list; its children are the filters. */
export function ListFilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={label}>
      {children}
    </Group>
  );
}

/** The free-text search of a list: the field follows every key, the list only once typing pauses. */
export function SearchFilter({
  initial,
  onSearch,
  w,
}: {
  initial: string;
  onSearch: (q: string) => void;
  w: number;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial);
  const push = useDebouncedCallback(onSearch, TYPING_DELAY_MS);
  return (
    <TextInput
      type="search"
      label={t('common.search')}
      value={q}
      onChange={(e) => {
        setQ(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      w={w}
    />
  );
}

/** A clearable one-of filter; the empty string stands for "any". */
export function ChoiceFilter({
  label,
  data,
  value,
  onChange,
  w,
}: {
  label: string;
  data: { value: string; label: string }[] | string[];
  value: string;
  onChange: (value: string) => void;
  w: number;
}) {
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      clearable
      w={w}
    />
  );
}

/** A whole-number filter (a year, a number of days); empty stands for "any". */
export function NumberFilter({
  label,
  initial,
  onChange,
  min,
  max,
  w,
}: {
  label: string;
  initial: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  w: number;
}) {
  const push = useDebouncedCallback(onChange, TYPING_DELAY_MS);
  return (
    <NumberInput
      label={label}
      min={min}
      max={max}
      allowDecimal={false}
      defaultValue={initial ? Number(initial) : ''}
      onChange={(v) => push(v === '' ? '' : String(v))}
      w={w}
    />
  );
}

/** Where a list page keeps its page, size and sort (see useListParams). */
interface ListParams {
  values: { sort: string };
  page: number;
  pageSize: number;
  update: (patch: { page?: number; pageSize?: number; sort?: string }) => void;
}

/** A server-paged, sortable list: the query's rows in a DataTable wired to the URL list state. */
export function ListTable<T>({
  label,
  columns,
  list,
  params,
  rowKey,
  empty,
}: {
  label: string;
  columns: Column<T>[];
  list: UseQueryResult<Page<T>>;
  params: ListParams;
  rowKey: (row: T) => string;
  empty: ReactNode;
}) {
  const { values, page, pageSize, update } = params;
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={list.data?.data}
      rowKey={rowKey}
      loading={list.isFetching}
      error={list.error}
      onRetry={() => void list.refetch()}
      page={page}
      pageSize={pageSize}
      total={list.data?.total}
      onPageChange={(p) => update({ page: p })}
      onPageSizeChange={(s) => update({ pageSize: s })}
      sort={values.sort}
      onSortChange={(s) => update({ sort: s })}
      empty={empty}
    />
  );
}
