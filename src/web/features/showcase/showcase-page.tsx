import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TPublicFigure, TPublicShowcase } from '../../../contracts/showcase.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader } from '../../app/session';
import { WorldMap } from '../../components/world-map';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { ProjectStatusBadge } from '../projects/project-labels';
import { usePublicShowcase } from './api';
import {
  joinList,
  placeName,
  ShowcaseShell,
  ShowcaseTable,
  useDocumentMeta,
  useShowcaseHref,
} from './showcase-shell';

/** Public, no sign-in: /showcase/:slug — what the college marked public, in the visitor's language. */
export function ShowcasePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = usePublicShowcase(slug);
  const locale = currentLocale();
  const name = q.data ? pickLocalized(q.data.college.names, locale) : null;
  const intro = q.data ? pickLocalized(q.data.college.intro, locale) : '';
  useDocumentMeta(name, intro || (name ? t('showcase.about', { name }) : null));
  return (
    <ShowcaseShell slug={slug} college={q.data?.college} error={q.error}>
      {q.isPending ? <FullPageLoader /> : q.data && <Overview slug={slug} data={q.data} />}
    </ShowcaseShell>
  );
}

function Overview({ slug, data }: { slug: string; data: TPublicShowcase }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const intro = pickLocalized(data.college.intro, locale);
  const name = pickLocalized(data.college.names, locale);
  const empty =
    data.figures.length +
      data.projects.length +
      data.partners.length +
      data.competitions.length +
      data.resources.length ===
    0;
  return (
    <Stack gap={40}>
      <Stack gap="sm" component="section" aria-labelledby="showcase-title">
        <Title order={1} id="showcase-title">
          {name}
        </Title>
        {intro
          .split(/\n{2,}/)
          .filter((p) => p.trim())
          .map((p) => (
            <Text key={p.slice(0, 40)} size="lg" maw={760} style={{ whiteSpace: 'pre-line' }}>
              {p}
            </Text>
          ))}
      </Stack>
      {data.figures.length > 0 && <Figures figures={data.figures} />}
      {data.projects.length > 0 && <Projects slug={slug} projects={data.projects} />}
      {data.partners.length > 0 && <Partners partners={data.partners} />}
      {data.competitions.length > 0 && <Competitions competitions={data.competitions} />}
      {data.resources.length > 0 && <Resources resources={data.resources} />}
      {empty && <Text c="dimmed">{t('showcase.nothingYet')}</Text>}
    </Stack>
  );
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function figureValue(f: TPublicFigure, locale: string): string {
  if (f.key === 'budget') {
    const amounts = f.amounts ?? [];
    return amounts.length === 0
      ? '—'
      : amounts.map((a) => formatMinor(a.valueMinor, a.currency, locale)).join(' · ');
  }
  return formatNumber(f.value ?? 0, locale);
}

function Figures({ figures }: { figures: TPublicFigure[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Box component="section" aria-labelledby="showcase-figures">
      <Title order={2} id="showcase-figures" mb="md">
        {t('showcase.sections.figures')}
      </Title>
      <SimpleGrid
        component="dl"
        cols={{ base: 2, sm: 3, md: Math.min(figures.length, 6) }}
        spacing="md"
        m={0}
      >
        {figures.map((f) => (
          // The term comes first in the document (dt, dd); the number is shown above it.
          <Paper
            key={f.key}
            withBorder
            radius="md"
            p="md"
            style={{ display: 'flex', flexDirection: 'column-reverse' }}
          >
            <Text component="dt" size="sm" c="dimmed" mt={4}>
              {t(`showcase.figures.${f.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} fz={f.key === 'budget' ? 'lg' : 28} c="blue.8" lh={1.2}>
              {figureValue(f, locale)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function Projects({ slug, projects }: { slug: string; projects: TPublicShowcase['projects'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const href = useShowcaseHref();
  return (
    <Box component="section" aria-labelledby="showcase-projects">
      <Title order={2} id="showcase-projects" mb="md">
        {t('showcase.sections.projects')}
      </Title>
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2 }}
        spacing="md"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {projects.map((p) => (
          <Paper component="li" key={p.code} withBorder radius="md" p="md">
            <Stack gap={6}>
              <Anchor
                component={Link}
                to={href(`/showcase/${slug}/projects/${encodeURIComponent(p.code)}`)}
                fw={600}
                size="lg"
              >
                {pickLocalized(p.title, locale)}
              </Anchor>
              <Group gap="xs">
                <Badge variant="light" color="gray">
                  {t(`projects.types.${p.type}`)}
                </Badge>
                <ProjectStatusBadge status={p.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  p.start || p.end
                    ? t('showcase.period', {
                        from: formatDate(p.start, locale) || '…',
                        to: formatDate(p.end, locale) || '…',
                      })
                    : '',
                  joinList(
                    p.countries.map((c) => countryName(c, locale)),
                    locale,
                  ),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function Partners({ partners }: { partners: TPublicShowcase['partners'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [country, setCountry] = useState<string | undefined>();
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of partners) {
      m.set(p.country, (m.get(p.country) ?? 0) + 1);
    }
    return [...m].map(([c, count]) => ({ country: c, count }));
  }, [partners]);
  const shown = country ? partners.filter((p) => p.country === country) : partners;
  return (
    <Box component="section" aria-labelledby="showcase-partners">
      <Title order={2} id="showcase-partners" mb="md">
        {t('showcase.sections.partners')}
      </Title>
      <Paper withBorder radius="md" p="md" mb="md">
        <Box maw={860} mx="auto">
          <WorldMap
            counts={counts}
            selected={country}
            onSelect={(c) => setCountry(c === country ? undefined : c)}
          />
        </Box>
      </Paper>
      {country && (
        <Button variant="subtle" size="xs" mb="xs" onClick={() => setCountry(undefined)}>
          {t('partners.map.clearCountry', { country: countryName(country, locale) })}
        </Button>
      )}
      <ShowcaseTable
        minWidth={480}
        columns={[t('partners.name'), t('partners.type'), t('partners.city'), t('partners.country')]}
        rows={shown}
        rowKey={(p) => p.id}
        rowHeader={(p) => pickLocalized(p.names, locale)}
        cells={(p) => (
          <>
            <Table.Td>{t(`partners.types.${p.type}`)}</Table.Td>
            <Table.Td>{p.city}</Table.Td>
            <Table.Td>{countryName(p.country, locale)}</Table.Td>
          </>
        )}
      />
    </Box>
  );
}

function Competitions({ competitions }: { competitions: TPublicShowcase['competitions'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Box component="section" aria-labelledby="showcase-competitions">
      <Title order={2} id="showcase-competitions" mb="md">
        {t('showcase.sections.competitions')}
      </Title>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {competitions.map((c) => (
          <Paper component="li" key={c.path} withBorder radius="md" p="md">
            <Group justify="space-between" gap="xs">
              <Stack gap={2}>
                <Anchor href={c.path} fw={600}>
                  {pickLocalized(c.names, locale)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[
                    t('showcase.period', {
                      from: formatDate(c.startsOn, locale),
                      to: formatDate(c.endsOn, locale),
                    }),
                    placeName(c.city, countryName(c.country, locale), locale),
                  ].join(' · ')}
                </Text>
              </Stack>
              <Badge variant="light">{t('showcase.publishedSkills', { count: c.publishedSkills })}</Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

function Resources({ resources }: { resources: TPublicShowcase['resources'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Box component="section" aria-labelledby="showcase-resources">
      <Title order={2} id="showcase-resources" mb="xs">
        {t('showcase.sections.resources')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('showcase.resourcesHint')}
      </Text>
      <ShowcaseTable
        minWidth={560}
        columns={[
          t('showcase.resource.title'),
          t('showcase.resource.kind'),
          t('showcase.resource.subject'),
          t('showcase.resource.version'),
          t('showcase.resource.languages'),
        ]}
        rows={resources}
        rowKey={(r) => r.id}
        rowHeader={(r) => (
          <>
            {pickLocalized(r.title, locale)}
            {r.description && (
              <Text size="xs" c="dimmed" fw={400} lineClamp={2}>
                {r.description}
              </Text>
            )}
          </>
        )}
        cells={(r) => (
          <>
            <Table.Td>{t(`library.kinds.${r.kind}`)}</Table.Td>
            <Table.Td>{r.subject}</Table.Td>
            <Table.Td>
              {r.latestVersion ?? '—'}
              {r.publishedOn && (
                <Text size="xs" c="dimmed">
                  {formatDate(r.publishedOn, locale)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {r.languages.length > 0
                ? joinList(
                    r.languages.map((l) => languageName(l, locale)),
                    locale,
                  )
                : '—'}
            </Table.Td>
          </>
        )}
      />
    </Box>
  );
}
