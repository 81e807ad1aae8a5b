import { Group, Text } from '@mantine/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { currentLocale } from '../i18n';
import { countryName, numericToAlpha2 } from '../lib/countries';
import { PARTNER_STROKE, SHADES, SMALL_COUNTRY_AREA, shadeIndex } from './map-shading';

const WIDTH = 960;
const HEIGHT = 470;

type CountryFeature = Feature<Geometry, { name?: string }> & { id?: string | number };

let atlasPromise: Promise<CountryFeature[]> | null = null;
function loadAtlas(): Promise<CountryFeature[]> {
  atlasPromise ??= import('world-atlas/countries-110m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{
      countries: GeometryCollection<{ name?: string }>;
    }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    return fc.features as CountryFeature[];
  });
  return atlasPromise;
}

interface Props {
  counts: { country: string; count: number }[];
  selected?: string;
  onSelect: (country: string) => void;
  /**
   * Catalog prefix of the map's texts: `<messages>.label` (the map), `.country` ({country},
   * {count}), `.unavailable`, `.legendFew` and `.legendMany` ({max}). Partners by default.
   */
  messages?: string;
}

/**
 * SVG world map (d3-geo + world-atlas, offline) shading countries by a count; countries with a
 * count are buttons that select them. Used by the partner list and the portfolio dashboard.
 */
export function WorldMap({ counts, selected, onSelect, messages = 'partners.map' }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [features, setFeatures] = useState<CountryFeature[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (f) => live && setFeatures(f),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const byCountry = useMemo(() => new Map(counts.map((c) => [c.country, c.count])), [counts]);
  const max = useMemo(() => counts.reduce((m, c) => Math.max(m, c.count), 0), [counts]);

  const paths = useMemo(() => {
    if (!features) {
      return [];
    }
    const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], {
      type: 'FeatureCollection',
      features,
    } as FeatureCollection);
    const path = geoPath(projection);
    return features
      .filter((f) => f.properties?.name !== 'Antarctica')
      .map((f, i) => ({
        key: `${f.id ?? 'x'}-${i}`,
        code: numericToAlpha2(f.id),
        d: path(f) ?? '',
        fallback: f.properties?.name ?? '',
        small: path.area(f) < SMALL_COUNTRY_AREA,
        centroid: path.centroid(f),
      }));
  }, [features]);

  if (failed) {
    return <Text c="dimmed">{t(`${messages}.unavailable`)}</Text>;
  }

  function onKey(e: KeyboardEvent, code: string) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(code);
    }
  }

  return (
    <figure style={{ margin: 0 }}>
      <svg
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-label={t(`${messages}.label`)}
        style={{ width: '100%', height: 'auto', direction: 'ltr' }}
      >
        {paths.map((p) => {
          const count = p.code ? (byCountry.get(p.code) ?? 0) : 0;
          const name = p.code ? countryName(p.code, locale) : p.fallback;
          const label = t(`${messages}.country`, { country: name, count });
          const fill = SHADES[shadeIndex(count, max)];
          if (count > 0 && p.code) {
            const code = p.code;
            const isSelected = code === selected;
            const stroke = isSelected ? '#d9480f' : PARTNER_STROKE;
            const [cx, cy] = p.centroid;
            return (
              // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a focusable group with role=button is the accessible pattern
              <g
                key={p.key}
                role="button"
                aria-label={label}
                aria-pressed={isSelected}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => onSelect(code)}
                onKeyDown={(e) => onKey(e, code)}
              >
                <title>{label}</title>
                <path d={p.d} fill={fill} stroke={stroke} strokeWidth={isSelected ? 1.5 : 0.75} />
                {p.small && Number.isFinite(cx) && Number.isFinite(cy) && (
                  <circle cx={cx} cy={cy} r={4.5} fill={fill} stroke={stroke} strokeWidth={1.25} />
                )}
              </g>
            );
          }
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a plain SVG path is not interactive; role=img gives it a name
            <path
              key={p.key}
              d={p.d}
              fill={fill}
              stroke="#ffffff"
              strokeWidth={0.5}
              role="img"
              aria-label={label}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <Group gap="xs" mt={4} justify="center">
          <Text size="xs">{t(`${messages}.legendFew`)}</Text>
          {SHADES.slice(1).map((c) => (
            <span
              key={c}
              aria-hidden="true"
              style={{
                width: 20,
                height: 12,
                background: c,
                display: 'inline-block',
                border: `1px solid ${PARTNER_STROKE}`,
              }}
            />
          ))}
          <Text size="xs">{t(`${messages}.legendMany`, { max })}</Text>
        </Group>
      </figcaption>
    </figure>
  );
}
