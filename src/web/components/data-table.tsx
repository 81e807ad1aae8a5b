import { Group, Loader, Pagination, Select, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { formatNumber } from '../lib/format';
import { ErrorState } from './error-state';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Server sort field; makes the header a sort button. */
  sortField?: string;
  width?: number | string;
  /** Keep the cell on one line (dates, short figures, badges). */
  noWrap?: boolean;
}

interface Props<T> {
  /** Accessible name of the table. */
  label: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Server-side pagination; omit for a plain table. */
  page?: number;
  pageSize?: number;
  total?: number;
  onPageChange?: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  /** `name` or `-name`. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  empty?: ReactNode;
  testId?: string;
  renderExpanded?: (row: T) => ReactNode;
}

function SortHeader({
  label,
  field,
  sort,
  onSortChange,
}: {
  label: ReactNode;
  field: string;
  sort?: string;
  onSortChange?: (s: string) => void;
}) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const next = active && !desc ? `-${field}` : field;
  return (
    <UnstyledButton onClick={() => onSortChange?.(next)} fw={600} fz="sm" title={t('table.sortBy')}>
      {label} <span aria-hidden="true">{active ? (desc ? '▼' : '▲') : '↕'}</span>
    </UnstyledButton>
  );
}

/** The one list table: server-side sort and pagination, loading, error and empty states. */
export function DataTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { columns, rows, sort, total = 0, page = 1, pageSize = 25 } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  if (props.error) {
    return <ErrorState error={props.error} onRetry={props.onRetry} />;
  }

  return (
    <div>
      <Table.ScrollContainer minWidth={640}>
        <Table
          striped
          highlightOnHover
          aria-label={props.label}
          aria-busy={props.loading || undefined}
          data-testid={props.testId}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const active = c.sortField && (sort === c.sortField || sort === `-${c.sortField}`);
                const ariaSort = active ? (sort?.startsWith('-') ? 'descending' : 'ascending') : undefined;
                return (
                  <Table.Th key={c.key} style={c.width ? { width: c.width } : undefined} aria-sort={ariaSort}>
                    {c.sortField && props.onSortChange ? (
                      <SortHeader
                        label={c.header}
                        field={c.sortField}
                        sort={sort}
                        onSortChange={props.onSortChange}
                      />
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <TableRow
                key={props.rowKey(row)}
                row={row}
                columns={columns}
                renderExpanded={props.renderExpanded}
              />
            ))}
            {rows && rows.length === 0 && !props.loading && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" ta="center" py="md">
                    {props.empty ?? t('table.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.loading && (
        <Group justify="center" py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Group>
      )}
      {props.onPageChange && (
        <Group justify="space-between" mt="sm" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('table.summary', {
              from: formatNumber(total === 0 ? 0 : (page - 1) * pageSize + 1, locale),
              to: formatNumber(Math.min(total, page * pageSize), locale),
              total,
              totalText: formatNumber(total, locale),
            })}
          </Text>
          <Group gap="sm">
            {props.onPageSizeChange && (
              <Select
                aria-label={t('table.pageSize')}
                w={90}
                size="xs"
                data={['10', '25', '50', '100']}
                value={String(pageSize)}
                allowDeselect={false}
                onChange={(v) => v && props.onPageSizeChange?.(Number(v))}
              />
            )}
            <Pagination
              total={pages}
              value={page}
              onChange={props.onPageChange}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('table.goToPage', { page: p }) })}
            />
          </Group>
        </Group>
      )}
    </div>
  );
}

function TableRow<T>({
  row,
  columns,
  renderExpanded,
}: {
  row: T;
  columns: Column<T>[];
  renderExpanded?: (row: T) => ReactNode;
}) {
  const extra = renderExpanded?.(row);
  return (
    <>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Td key={c.key} style={c.noWrap ? { whiteSpace: 'nowrap' } : undefined}>
            {c.render(row)}
          </Table.Td>
        ))}
      </Table.Tr>
      {extra && (
        <Table.Tr>
          <Table.Td colSpan={columns.length}>{extra}</Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
