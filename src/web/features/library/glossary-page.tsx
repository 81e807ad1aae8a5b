import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  useDirection,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  PARTS_OF_SPEECH,
  type TConcept,
  type TGlossary,
  type TGlossaryImportProblem,
  type TTerm,
  type TTermInput,
} from '../../../contracts/library.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import {
  glossaryExportUrl,
  useApproveTerm,
  useConcepts,
  useDeleteGlossary,
  useDeleteTerm,
  useGlossary,
  useImportGlossary,
  useSaveTerm,
} from './api';
import { ConfirmDeleteModal, GlossaryDetailsModal } from './details-modals';
import { directionOfTag, languageName, languageOptions } from './languages';

interface EditorTarget {
  term: TTerm | null;
  conceptId: string | null;
  language: string;
}

function TermEditor({
  glossary,
  target,
  onClose,
}: {
  glossary: TGlossary;
  target: EditorTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveTerm(glossary.id);
  const [data, setData] = useState<TTermInput>({
    conceptId: target.conceptId,
    language: (target.term?.language ?? target.language) as TTermInput['language'],
    term: target.term?.term ?? '',
    definition: target.term?.definition ?? '',
    context: target.term?.context ?? '',
    partOfSpeech: target.term?.partOfSpeech ?? null,
    note: target.term?.note ?? '',
  });
  const dir = directionOfTag(data.language);
  const set = (patch: Partial<TTermInput>) => setData((d) => ({ ...d, ...patch }));
  function submit() {
    save.mutate(target.term ? { id: target.term.id, version: target.term.version, data } : { data }, {
      onSuccess: onClose,
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    });
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(target.term ? 'library.terms.edit' : 'library.terms.new')}
      size="lg"
    >
      <Stack>
        {target.term?.status === 'approved' && (
          <Alert color="yellow" variant="light">
            {t('library.terms.editResetsApproval')}
          </Alert>
        )}
        <Select
          label={t('library.language')}
          data={languageOptions(locale, glossary.languages)}
          value={data.language}
          onChange={(v) => v && set({ language: v as TTermInput['language'] })}
          allowDeselect={false}
          disabled={Boolean(target.term)}
        />
        <TextInput
          label={t('library.terms.term')}
          required
          lang={data.language}
          dir={dir}
          value={data.term}
          onChange={(e) => set({ term: e.currentTarget.value })}
        />
        <Textarea
          label={t('library.terms.definition')}
          lang={data.language}
          dir={dir}
          autosize
          minRows={2}
          value={data.definition}
          onChange={(e) => set({ definition: e.currentTarget.value })}
        />
        <Textarea
          label={t('library.terms.context')}
          lang={data.language}
          dir={dir}
          autosize
          minRows={2}
          value={data.context}
          onChange={(e) => set({ context: e.currentTarget.value })}
        />
        <Select
          label={t('library.terms.partOfSpeech')}
          clearable
          data={PARTS_OF_SPEECH.map((p) => ({ value: p, label: t(`library.pos.${p}`) }))}
          value={data.partOfSpeech}
          onChange={(v) => set({ partOfSpeech: v as TTermInput['partOfSpeech'] })}
        />
        <TextInput
          label={t('library.terms.note')}
          value={data.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!data.term.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function problemText(
  t: (k: string, o?: Record<string, unknown>) => string,
  p: TGlossaryImportProblem,
): string {
  const where = p.path ?? t('library.import.rowColumn', { row: p.row ?? 0, column: p.column ?? '' });
  return `${where}: ${t(`library.problems.${p.code}`)}${p.value ? ` (${p.value})` : ''}`;
}

function TermCell({
  glossary,
  concept,
  language,
  onEdit,
}: {
  glossary: TGlossary;
  concept: TConcept;
  language: string;
  onEdit: (target: EditorTarget) => void;
}) {
  const { t } = useTranslation();
  const approve = useApproveTerm(glossary.id);
  const removeTerm = useDeleteTerm(glossary.id);
  const [deletingTerm, setDeletingTerm] = useState<TTerm | null>(null);
  const { dir: pageDir } = useDirection();
  const terms = concept.terms.filter((x) => x.language === language);
  const dir = directionOfTag(language);
  if (terms.length === 0) {
    return glossary.abilities.update ? (
      <Button
        size="xs"
        variant="subtle"
        onClick={() => onEdit({ term: null, conceptId: concept.conceptId, language })}
      >
        {t('library.terms.add')}
      </Button>
    ) : (
      <Text c="dimmed">—</Text>
    );
  }
  return (
    <Stack gap="xs">
      {terms.map((term) => (
        <Stack key={term.id} gap={2} lang={language} dir={dir}>
          <Group gap="xs">
            <Text fw={600}>{term.term}</Text>
            <Badge size="xs" color={term.status === 'approved' ? 'green' : 'gray'} variant="light">
              {t(`library.status.${term.status}`)}
            </Badge>
          </Group>
          {term.definition && <Text size="sm">{term.definition}</Text>}
          {term.context && (
            <Text size="sm" c="dimmed" fs="italic">
              {term.context}
            </Text>
          )}
          <Group gap={4} dir={pageDir}>
            {glossary.abilities.update && (
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={t('library.terms.editNamed', { term: term.term })}
                onClick={() => onEdit({ term, conceptId: term.conceptId, language })}
              >
                {t('common.edit')}
              </Button>
            )}
            {glossary.abilities.approve && term.status === 'draft' && (
              <Button
                size="compact-xs"
                variant="light"
                color="green"
                aria-label={t('library.terms.approveNamed', { term: term.term })}
                loading={approve.isPending}
                onClick={() =>
                  approve.mutate(term, {
                    onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
                  })
                }
              >
                {t('library.terms.approve')}
              </Button>
            )}
            {glossary.abilities.update && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={t('library.manage.deleteTermNamed', { term: term.term })}
                onClick={() => setDeletingTerm(term)}
              >
                {t('library.manage.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      ))}
      {deletingTerm && (
        <ConfirmDeleteModal
          title={t('library.manage.deleteTermTitle')}
          message={t('library.manage.deleteTermConfirm', { term: deletingTerm.term })}
          loading={removeTerm.isPending}
          error={removeTerm.error}
          onConfirm={() =>
            removeTerm.mutate(deletingTerm.id, {
              onSuccess: () => {
                setDeletingTerm(null);
                notifications.show({ color: 'green', message: t('library.manage.deleted') });
              },
            })
          }
          onClose={() => {
            removeTerm.reset();
            setDeletingTerm(null);
          }}
        />
      )}
    </Stack>
  );
}

export function GlossaryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const glossary = useGlossary(id);
  const navigate = useNavigate();
  const removeGlossary = useDeleteGlossary();
  const [editingDetails, setEditingDetails] = useState(false);
  const [deletingGlossary, setDeletingGlossary] = useState(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [left, setLeft] = useState<string | null>(null);
  const [right, setRight] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [problems, setProblems] = useState<TGlossaryImportProblem[] | null>(null);
  const concepts = useConcepts(id, { q: debounced, status, page, pageSize: 50 });
  const importFile = useImportGlossary(id);

  if (glossary.isPending) {
    return <FullPageLoader />;
  }
  if (glossary.error) {
    return <ErrorState error={glossary.error} onRetry={() => void glossary.refetch()} />;
  }
  const g = glossary.data;
  const first = left ?? g.languages[0] ?? 'en';
  const second = right ?? g.languages.find((l) => l !== first) ?? first;
  const options = languageOptions(locale, g.languages);

  function runImport(format: 'csv' | 'tbx', file: File | null) {
    if (!file) {
      return;
    }
    setProblems(null);
    importFile.mutate(
      { format, file },
      {
        onSuccess: (r) =>
          notifications.show({ color: 'green', message: t('library.import.done', { count: r.imported }) }),
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
            setProblems((e.details.problems as TGlossaryImportProblem[]) ?? []);
          } else {
            notifications.show({ color: 'red', message: errorMessage(t, e) });
          }
        },
      },
    );
  }

  const total = concepts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 50));

  return (
    <Stack>
      <PageHeader
        title={pickLocalized(g.name, locale)}
        subtitle={g.subject || undefined}
        actions={
          <>
            <Menu>
              <Menu.Target>
                <Button variant="default">{t('library.export.button')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={glossaryExportUrl(g.id, 'tbx')} download>
                  {t('library.export.tbx')}
                </Menu.Item>
                <Menu.Item component="a" href={glossaryExportUrl(g.id, 'csv')} download>
                  {t('library.export.csv')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {g.abilities.update && (
              <>
                <Button variant="default" onClick={() => setEditingDetails(true)}>
                  {t('library.manage.editDetails')}
                </Button>
                <Button variant="default" color="red" onClick={() => setDeletingGlossary(true)}>
                  {t('library.manage.delete')}
                </Button>
                <FileButton onChange={(f) => runImport('csv', f)} accept=".csv,text/csv">
                  {(props) => (
                    <Button {...props} variant="default" loading={importFile.isPending}>
                      {t('library.import.csv')}
                    </Button>
                  )}
                </FileButton>
                <FileButton onChange={(f) => runImport('tbx', f)} accept=".tbx,.xml">
                  {(props) => (
                    <Button {...props} variant="default" loading={importFile.isPending}>
                      {t('library.import.tbx')}
                    </Button>
                  )}
                </FileButton>
                <Button onClick={() => setEditing({ term: null, conceptId: null, language: first })}>
                  {t('library.terms.newConcept')}
                </Button>
              </>
            )}
          </>
        }
      />
      {problems && (
        <Alert
          color="red"
          title={t('library.import.failed')}
          withCloseButton
          onClose={() => setProblems(null)}
        >
          <List size="sm">
            {problems.slice(0, 50).map((p) => (
              <List.Item key={`${p.row ?? ''}${p.path ?? ''}${p.column ?? ''}${p.code}`}>
                {problemText(t, p)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          label={t('library.terms.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label={t('library.terms.statusFilter')}
          clearable
          data={(['draft', 'approved'] as const).map((s) => ({ value: s, label: t(`library.status.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        <Select
          label={t('library.terms.leftLanguage')}
          data={options}
          value={first}
          onChange={setLeft}
          allowDeselect={false}
        />
        <Select
          label={t('library.terms.rightLanguage')}
          data={options}
          value={second}
          onChange={setRight}
          allowDeselect={false}
        />
      </Group>
      {concepts.error ? (
        <ErrorState error={concepts.error} onRetry={() => void concepts.refetch()} />
      ) : (
        <Table withTableBorder withColumnBorders aria-label={t('library.terms.table')} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('library.terms.concept')}</Table.Th>
              <Table.Th>{languageName(first, locale)}</Table.Th>
              <Table.Th>{languageName(second, locale)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(concepts.data?.data ?? []).map((c) => (
              <Table.Tr key={c.conceptId}>
                <Table.Td>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {c.conceptId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TermCell glossary={g} concept={c} language={first} onEdit={setEditing} />
                </Table.Td>
                <Table.Td>
                  <TermCell glossary={g} concept={c} language={second} onEdit={setEditing} />
                </Table.Td>
              </Table.Tr>
            ))}
            {concepts.data && concepts.data.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text c="dimmed">{t('library.terms.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('library.previous')}
          </Button>
          <Text size="sm">{t('library.pageOf', { page, pages })}</Text>
          <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('library.next')}
          </Button>
        </Group>
      )}
      {editing && <TermEditor glossary={g} target={editing} onClose={() => setEditing(null)} />}
      {editingDetails && (
        <GlossaryDetailsModal
          key={g.version}
          opened
          glossary={g}
          onReload={() => void glossary.refetch()}
          onClose={() => setEditingDetails(false)}
        />
      )}
      {deletingGlossary && (
        <ConfirmDeleteModal
          title={t('library.manage.deleteGlossaryTitle')}
          message={t('library.manage.deleteGlossaryConfirm', { name: pickLocalized(g.name, locale) })}
          loading={removeGlossary.isPending}
          error={removeGlossary.error}
          onReload={() => {
            removeGlossary.reset();
            setDeletingGlossary(false);
            void glossary.refetch();
          }}
          onConfirm={() =>
            removeGlossary.mutate(g, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('library.manage.deleted') });
                void navigate('/library/glossaries');
              },
            })
          }
          onClose={() => {
            removeGlossary.reset();
            setDeletingGlossary(false);
          }}
        />
      )}
    </Stack>
  );
}
