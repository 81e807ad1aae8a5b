import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { ApiError } from '../../lib/api';
import { type CollectionInputs, type CollectionName, useSaveCollection } from './api';

export interface FieldDef<T> {
  key: keyof T & string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'date' | 'country';
  options?: { value: string; label: string }[];
  required?: boolean;
  width?: number;
  /** How the value reads when not editing. */
  display?: (row: T) => string;
}

interface Props<K extends CollectionName> {
  baseId: string;
  version: number;
  collection: K;
  rows: (CollectionInputs[K] & { id: string })[];
  fields: FieldDef<CollectionInputs[K]>[];
  blank: () => CollectionInputs[K];
  canEdit: boolean;
  label: string;
  empty: string;
  onReload: () => void;
}

type Row = Record<string, unknown>;

/** A collection of a base (inventory, team, trainees, activity log), read as a table and edited as a whole. */
export function CollectionEditor<K extends CollectionName>(props: Props<K>) {
  const { t } = useTranslation();
  const save = useSaveCollection(props.baseId, props.collection);
  const [draft, setDraft] = useState<Row[] | null>(null);
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';

  const strip = (rows: Row[]) => rows.map(({ id: _id, ...rest }) => rest);
  const setCell = (i: number, key: string, value: unknown) =>
    setDraft((d) => (d ? d.map((r, n) => (n === i ? { ...r, [key]: value } : r)) : d));

  if (draft === null) {
    const columns: Column<CollectionInputs[K] & { id: string }>[] = props.fields.map((f) => ({
      key: f.key,
      header: f.label,
      render: (r) => {
        const shown = f.display ? f.display(r) : String((r as Row)[f.key] ?? '');
        return <span dir="auto">{shown === '' ? '—' : shown}</span>;
      },
    }));
    return (
      <Stack>
        {props.canEdit && (
          <Group>
            <Button variant="default" onClick={() => setDraft(props.rows.map((r) => ({ ...r }) as Row))}>
              {t('common.edit')}
            </Button>
          </Group>
        )}
        <DataTable
          label={props.label}
          columns={columns}
          rows={props.rows}
          rowKey={(r) => r.id}
          empty={props.empty}
        />
      </Stack>
    );
  }

  function submit() {
    if (!draft) {
      return;
    }
    const items = strip(draft).map((r) => {
      const out: Row = { ...r };
      for (const f of props.fields) {
        if ((f.kind === 'date' || f.key === 'userId') && out[f.key] === '') {
          out[f.key] = null;
        }
      }
      return out;
    }) as unknown as CollectionInputs[K][];
    save.mutate({ version: props.version, items }, { onSuccess: () => setDraft(null) });
  }

  return (
    <Stack>
      {conflict && (
        <VersionConflictAlert
          onReload={() => {
            save.reset();
            setDraft(null);
            props.onReload();
          }}
        />
      )}
      {save.error && !conflict && <ErrorState error={save.error} />}
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>
              {props.fields.map((f) => (
                <Table.Th key={f.key} style={f.width ? { width: f.width } : undefined}>
                  {f.label}
                </Table.Th>
              ))}
              <Table.Th>
                <span className="sr-only">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: draft rows have no stable id until saved
              <Table.Tr key={i}>
                {props.fields.map((f) => {
                  const value = row[f.key];
                  const aria = `${f.label} ${i + 1}`;
                  return (
                    <Table.Td key={f.key}>
                      {f.kind === 'number' ? (
                        <NumberInput
                          aria-label={aria}
                          min={0}
                          allowDecimal={false}
                          value={typeof value === 'number' ? value : 0}
                          onChange={(v) => setCell(i, f.key, typeof v === 'number' ? v : 0)}
                        />
                      ) : f.kind === 'select' ? (
                        <Select
                          aria-label={aria}
                          data={f.options ?? []}
                          value={String(value ?? '')}
                          allowDeselect={false}
                          onChange={(v) => v && setCell(i, f.key, v)}
                        />
                      ) : f.kind === 'country' ? (
                        <CountrySelect
                          aria-label={aria}
                          value={String(value ?? '') || null}
                          onChange={(v) => setCell(i, f.key, v ?? '')}
                        />
                      ) : (
                        <TextInput
                          aria-label={aria}
                          type={f.kind === 'date' ? 'date' : 'text'}
                          dir={f.kind === 'date' ? undefined : 'auto'}
                          required={f.required}
                          value={String(value ?? '')}
                          onChange={(e) => setCell(i, f.key, e.currentTarget.value)}
                        />
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('bases.removeRow', { n: i + 1 })}
                    onClick={() => setDraft(draft.filter((_, n) => n !== i))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {draft.length === 0 && <Text c="dimmed">{props.empty}</Text>}
      <Group>
        <Button variant="default" onClick={() => setDraft([...draft, props.blank() as unknown as Row])}>
          {t('bases.addRow')}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            save.reset();
            setDraft(null);
          }}
        >
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
