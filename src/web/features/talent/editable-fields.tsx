import { ActionIcon, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCollegeSkill, TSelfEditable } from '../../../contracts/talent.js';
import { DateField } from '../../components/date-field';
import { currentLocale } from '../../i18n';
import { countryOptions } from '../../lib/countries';
import { CEFR_OPTIONS, SKILL_LEVEL_VALUES, skillOptions } from './taxonomy';

type Skill = {
  skillKey: string;
  level: number;
  evidence?: 'certificate' | 'competition' | 'self' | 'employer';
};
export type EditableValue = Omit<TSelfEditable, 'skills'> & { skills: Skill[] };

const EVIDENCE = ['certificate', 'competition', 'employer', 'self'] as const;

let keySeq = 0;

/** Stable React keys for editable rows: kept across edits, dropped with the row they belong to. */
function useRowKeys(length: number) {
  const [keys, setKeys] = useState<string[]>(() => Array.from({ length }, () => `row-${keySeq++}`));
  const current =
    keys.length === length ? keys : Array.from({ length }, (_, i) => keys[i] ?? `row-${keySeq++}`);
  // The value was replaced from outside (loaded, saved): keep the keys just made for it.
  useEffect(() => {
    if (current !== keys) {
      setKeys(current);
    }
  }, [current, keys]);
  return {
    keys: current,
    add: () => setKeys([...current, `row-${keySeq++}`]),
    remove: (index: number) => setKeys(current.filter((_, i) => i !== index)),
  };
}

/**
 * Skills, languages, countries and availability: what the owner may edit through their link, and
 * part of the coordinator's form (where the evidence of each skill is chosen too).
 */
export function EditableFields({
  value,
  onChange,
  collegeSkills,
  withEvidence = false,
  errors = {},
}: {
  value: EditableValue;
  onChange: (v: EditableValue) => void;
  collegeSkills?: TCollegeSkill[];
  withEvidence?: boolean;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const skills = skillOptions(locale, collegeSkills);
  const set = (patch: Partial<EditableValue>) => onChange({ ...value, ...patch });
  const skillRows = useRowKeys(value.skills.length);
  const languageRows = useRowKeys(value.languages.length);
  const levels = SKILL_LEVEL_VALUES.map((l) => ({ value: l, label: t(`talent.level.${l}`) }));
  const countries = [{ value: 'any', label: t('talent.anyCountry') }, ...countryOptions(locale)];

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text fw={600}>{t('talent.skills')}</Text>
        {value.skills.map((s, i) => (
          <Group key={skillRows.keys[i]} gap="xs" align="flex-start" wrap="wrap">
            <Select
              aria-label={t('talent.skill')}
              data={skills}
              value={s.skillKey || null}
              onChange={(v) =>
                set({ skills: value.skills.map((x, j) => (j === i ? { ...x, skillKey: v ?? '' } : x)) })
              }
              searchable
              w={320}
              maw="100%"
              error={errors[`skills.${i}.skillKey`]}
            />
            <Select
              aria-label={t('talent.levelLabel')}
              data={levels}
              value={String(s.level)}
              onChange={(v) =>
                set({ skills: value.skills.map((x, j) => (j === i ? { ...x, level: Number(v ?? 1) } : x)) })
              }
              allowDeselect={false}
              w={200}
            />
            {withEvidence && (
              <Select
                aria-label={t('talent.evidenceLabel')}
                data={EVIDENCE.map((e) => ({ value: e, label: t(`talent.evidence.${e}`) }))}
                value={s.evidence ?? 'self'}
                onChange={(v) =>
                  set({
                    skills: value.skills.map((x, j) =>
                      j === i ? { ...x, evidence: (v ?? 'self') as Skill['evidence'] } : x,
                    ),
                  })
                }
                allowDeselect={false}
                w={180}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('talent.removeSkill')}
              onClick={() => {
                skillRows.remove(i);
                set({ skills: value.skills.filter((_, j) => j !== i) });
              }}
              mt={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => {
              skillRows.add();
              set({ skills: [...value.skills, { skillKey: '', level: 2, evidence: 'self' }] });
            }}
          >
            {t('talent.addSkill')}
          </Button>
        </Group>
      </Stack>

      <Stack gap="xs">
        <Text fw={600}>{t('talent.languages')}</Text>
        {value.languages.map((l, i) => (
          <Group key={languageRows.keys[i]} gap="xs" align="flex-start">
            <TextInput
              aria-label={t('talent.languageCode')}
              placeholder="en"
              value={l.code}
              maxLength={2}
              onChange={(e) => {
                const code = e.currentTarget.value.toLowerCase();
                set({ languages: value.languages.map((x, j) => (j === i ? { ...x, code } : x)) });
              }}
              w={90}
              dir="ltr"
              error={errors[`languages.${i}.code`]}
            />
            <Select
              aria-label={t('talent.cefr')}
              data={CEFR_OPTIONS.map((c) => ({ value: c, label: t(`talent.cefrLevel.${c}`) }))}
              value={l.cefr}
              onChange={(v) =>
                set({
                  languages: value.languages.map((x, j) =>
                    j === i ? { ...x, cefr: (v ?? 'B1') as typeof l.cefr } : x,
                  ),
                })
              }
              allowDeselect={false}
              w={200}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('talent.removeLanguage')}
              onClick={() => {
                languageRows.remove(i);
                set({ languages: value.languages.filter((_, j) => j !== i) });
              }}
              mt={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => {
              languageRows.add();
              set({ languages: [...value.languages, { code: '', cefr: 'B1' }] });
            }}
          >
            {t('talent.addLanguage')}
          </Button>
        </Group>
      </Stack>

      <MultiSelect
        label={t('talent.countries')}
        description={t('talent.countriesHint')}
        data={countries}
        value={value.countries}
        onChange={(countries) => set({ countries })}
        searchable
        error={errors.countries}
      />
      <DateField
        label={t('talent.availableFrom')}
        value={value.availableFrom}
        onChange={(e) => set({ availableFrom: e.currentTarget.value })}
        required
        w={240}
        error={errors.availableFrom}
      />
    </Stack>
  );
}
