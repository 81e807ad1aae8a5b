import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TCompetition,
  type TCompetitionRuleSettings,
  ZCompetitionRuleSettings,
} from '../../../contracts/competitions.js';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { useSaveSettings } from './api';
import { SaveError } from './shared';

/** The documented defaults (worldskills.md §6, §8): what an empty settings object becomes. */
const DEFAULTS = ZCompetitionRuleSettings.parse({});

function Setting({
  name,
  children,
  defaultValue,
}: {
  name: string;
  children: ReactNode;
  defaultValue: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        {children}
        <Text size="sm">{t(`competitions.settings.help.${name}`)}</Text>
        <Text size="xs" c="dimmed">
          {t('competitions.settings.defaultIs', { value: defaultValue })}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * The rule settings of a competition: every rule no source confirms is a setting with its documented
 * default (scale method and constants, tie tolerance, Medallion threshold, rounding, tolerances).
 */
export function SettingsTab({
  competition,
  canManage,
  onReload,
}: {
  competition: TCompetition;
  canManage: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSettings(competition.id);
  const [v, setV] = useState<TCompetitionRuleSettings>(competition.settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another version arrives
  useEffect(() => {
    setV(competition.settings);
    setErrors({});
  }, [competition.id, competition.version]);

  const num = (
    path: string,
    value: number,
    onChange: (n: number) => void,
    props: Record<string, unknown> = {},
  ) => (
    <NumberInput
      label={t(`competitions.settings.labels.${path}`)}
      value={value}
      onChange={(x) => onChange(typeof x === 'number' ? x : Number(x))}
      error={errors[path]}
      disabled={!canManage}
      {...props}
    />
  );
  const choice = <T extends string>(
    path: string,
    value: T,
    options: readonly T[],
    onChange: (x: T) => void,
  ) => (
    <Select
      label={t(`competitions.settings.labels.${path}`)}
      allowDeselect={false}
      disabled={!canManage}
      data={options.map((o) => ({ value: o, label: t(`competitions.settings.options.${o}`) }))}
      value={value}
      onChange={(x) => x && onChange(x as T)}
      error={errors[path]}
    />
  );
  const submit = () => {
    const local = zodValidator(ZCompetitionRuleSettings, t)(v);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    save.mutate(
      { version: competition.version, settings: v },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('competitions.saved') }),
        onError: (e) => {
          const fields = serverFieldErrors(t, e) ?? {};
          setErrors(
            Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.replace(/^settings\./, ''), m])),
          );
        },
      },
    );
  };
  const scale = (patch: Partial<TCompetitionRuleSettings['scale']>) =>
    setV({ ...v, scale: { ...v.scale, ...patch } });
  const d = DEFAULTS;
  return (
    <Stack>
      <Text c="dimmed">{t('competitions.settings.intro')}</Text>
      <SaveError error={save.error} onReload={onReload} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Setting name="scale.method" defaultValue={t(`competitions.settings.options.${d.scale.method}`)}>
          {choice('scale.method', v.scale.method, ['median_mad', 'mean_sd'] as const, (method) =>
            scale({ method, pointsPerSpread: method === 'mean_sd' ? 20 : 30 }),
          )}
        </Setting>
        <Setting name="scale.centre" defaultValue={String(d.scale.centre)}>
          {num('scale.centre', v.scale.centre, (centre) => scale({ centre }), {
            min: 0,
            max: 10000,
            allowDecimal: false,
          })}
        </Setting>
        <Setting
          name="scale.pointsPerSpread"
          defaultValue={`${d.scale.pointsPerSpread} (median_mad) / 20 (mean_sd)`}
        >
          {num(
            'scale.pointsPerSpread',
            v.scale.pointsPerSpread,
            (pointsPerSpread) => scale({ pointsPerSpread }),
            {
              min: 0,
              max: 1000,
            },
          )}
        </Setting>
        {v.scale.method === 'mean_sd' && (
          <Setting name="scale.sd" defaultValue={t(`competitions.settings.options.${d.scale.sd}`)}>
            {choice('scale.sd', v.scale.sd, ['population', 'sample'] as const, (sd) => scale({ sd }))}
          </Setting>
        )}
        <Setting name="tieTolerance" defaultValue={String(d.tieTolerance)}>
          {num('tieTolerance', v.tieTolerance, (tieTolerance) => setV({ ...v, tieTolerance }), {
            min: 0,
            max: 100,
          })}
        </Setting>
        <Setting name="medallionThreshold" defaultValue={String(d.medallionThreshold)}>
          {num(
            'medallionThreshold',
            v.medallionThreshold,
            (medallionThreshold) => setV({ ...v, medallionThreshold }),
            {
              min: 0,
              max: 10000,
              allowDecimal: false,
            },
          )}
        </Setting>
        <Setting
          name="aspectMarkRounding"
          defaultValue={t(`competitions.settings.options.${d.aspectMarkRounding}`)}
        >
          {choice(
            'aspectMarkRounding',
            v.aspectMarkRounding,
            ['exact', 'two_decimals'] as const,
            (aspectMarkRounding) => setV({ ...v, aspectMarkRounding }),
          )}
        </Setting>
        <Setting name="sectionTolerance" defaultValue={String(d.sectionTolerance)}>
          {num(
            'sectionTolerance',
            v.sectionTolerance,
            (sectionTolerance) => setV({ ...v, sectionTolerance }),
            {
              min: 0,
              max: 100,
            },
          )}
        </Setting>
        <Setting name="maxAspectMark" defaultValue={String(d.maxAspectMark)}>
          {num('maxAspectMark', v.maxAspectMark, (maxAspectMark) => setV({ ...v, maxAspectMark }), {
            min: 0,
            max: 100,
          })}
        </Setting>
        <Setting name="minEntrantsForAllMedals" defaultValue={String(d.minEntrantsForAllMedals)}>
          {num(
            'minEntrantsForAllMedals',
            v.minEntrantsForAllMedals,
            (minEntrantsForAllMedals) => setV({ ...v, minEntrantsForAllMedals }),
            { min: 0, max: 1000, allowDecimal: false },
          )}
        </Setting>
        <Setting name="noBronzeFromSilverCount" defaultValue={String(d.noBronzeFromSilverCount)}>
          {num(
            'noBronzeFromSilverCount',
            v.noBronzeFromSilverCount,
            (noBronzeFromSilverCount) => setV({ ...v, noBronzeFromSilverCount }),
            { min: 0, max: 100, allowDecimal: false },
          )}
        </Setting>
        <Setting
          name="awardScoreBasis"
          defaultValue={t(`competitions.settings.options.${d.awardScoreBasis}`)}
        >
          {choice(
            'awardScoreBasis',
            v.awardScoreBasis,
            ['points', 'calculated_score'] as const,
            (awardScoreBasis) => setV({ ...v, awardScoreBasis }),
          )}
        </Setting>
      </SimpleGrid>
      {canManage && (
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('competitions.settings.save')}
          </Button>
          <Button variant="default" onClick={() => setV(DEFAULTS)}>
            {t('competitions.settings.restoreDefaults')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
