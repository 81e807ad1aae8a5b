import { Alert, Anchor, Box, Container, Group, Table, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TPublicShowcase } from '../../../contracts/showcase.js';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import i18n, { currentLocale, isLocale, setLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';

/**
 * A page's address in the chosen language: `?lang=` is part of every stable link (the server
 * renders that language for crawlers and link previews); English has none.
 */
export function useShowcaseHref() {
  const [params] = useSearchParams();
  const lang = params.get('lang');
  return (path: string) => (lang && isLocale(lang) && lang !== 'en' ? `${path}?lang=${lang}` : path);
}

/** `?lang=xx` picks the language; switching language rewrites it, so the address stays shareable. */
function useLanguageParam() {
  const [params, setParams] = useSearchParams();
  const lang = params.get('lang');
  useEffect(() => {
    if (isLocale(lang) && lang !== currentLocale()) {
      void setLocale(lang);
    }
  }, [lang]);
  useEffect(() => {
    const onChange = (l: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (l === 'en') {
            next.delete('lang');
          } else {
            next.set('lang', l);
          }
          return next;
        },
        { replace: true },
      );
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [setParams]);
}

/** "A, B and C" as the language writes a list (、 and 和 in Chinese, و in Arabic). */
export function joinList(items: readonly string[], locale: string): string {
  const parts = items.filter(Boolean);
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

/** "City, Country" with the language's comma (a place is not a list: no "and"). */
export function placeName(city: string, country: string, locale: string): string {
  const comma = locale === 'ar' ? '، ' : locale.startsWith('zh') ? '，' : ', ';
  return [city, country].filter(Boolean).join(comma);
}

/** Sets the document title and meta description while a public page is shown. */
export function useDocumentMeta(title: string | null, description: string | null) {
  useEffect(() => {
    if (!title) {
      return;
    }
    const before = document.title;
    document.title = title;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.appendChild(meta);
    }
    meta.content = (description ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);
    return () => {
      document.title = before;
    };
  }, [title, description]);
}

/** The public frame: the college's name linking home, the language switcher, a footer. */
export function ShowcaseShell({
  slug,
  college,
  error,
  children,
}: {
  slug: string;
  college: TPublicShowcase['college'] | undefined;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useLanguageParam();
  const href = useShowcaseHref();
  const locale = currentLocale();
  const name = college ? pickLocalized(college.names, locale) : '';
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            {college ? (
              <Anchor
                component={Link}
                to={href(`/showcase/${slug}`)}
                c="dark"
                fw={700}
                size="lg"
                underline="never"
              >
                {name}
              </Anchor>
            ) : (
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            )}
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" py="xl" w="100%" style={{ flex: 1 }}>
        {error ? (
          <Alert
            color={notFound ? 'gray' : 'red'}
            role="alert"
            title={notFound ? t('showcase.notFoundTitle') : undefined}
          >
            {notFound ? t('showcase.notFound') : errorMessage(t, error)}
          </Alert>
        ) : (
          children
        )}
      </Container>
      <Box component="footer" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {college?.contactEmail ? (
                <>
                  {t('showcase.contactLabel')}{' '}
                  <Anchor href={`mailto:${college.contactEmail}`} size="sm">
                    {college.contactEmail}
                  </Anchor>
                </>
              ) : null}
            </Text>
            <Text size="sm" c="dimmed">
              {t('showcase.poweredBy', { app: t('app.name') })}
            </Text>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}

/** A read-only public table: column headers, and each row named by its first cell (a row header). */
export function ShowcaseTable<T>({
  minWidth,
  striped = true,
  columns,
  rows,
  rowKey,
  rowHeader,
  cells,
}: {
  minWidth: number;
  striped?: boolean;
  columns: string[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowHeader: (row: T) => ReactNode;
  /** The other cells of the row (`<Table.Td>`s). */
  cells: (row: T) => ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              <Table.Th scope="row" fw={500}>
                {rowHeader(row)}
              </Table.Th>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
