import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  CONTRACT_TYPES,
  type TDemandPosting,
  type TDemandPostingInputRaw,
} from '../../../contracts/talent-demand.js';
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, serverFieldErrors } from '../../lib/errors';
import { useCollegeSkills } from './api';
import { useDemandPosting, useSaveDemandPosting } from './demand-api';
import { CEFR_OPTIONS, iscoUnitOptions, SKILL_LEVEL_VALUES, skillOptions } from './taxonomy';

type Skill = { skillKey: string; minLevel: number; weight: number };
type Language = { code: string; minCefr: (typeof CEFR_OPTIONS)[number] };
type Form = {
  enterpriseName: string;
  country: string;
  site: string;
  iscoCode: string;
  headcount: number;
  startDate: string;
  contractType: (typeof CONTRACT_TYPES)[number];
  durationMonths: number | null;
  accommodationProvided: boolean;
  notes: string;
  requiredSkills: Skill[];
  optionalSkills: Skill[];
  requiredLanguages: Language[];
  optionalLanguages: Language[];
};

const EMPTY: Form = {
  enterpriseName: '',
  country: '',
  site: '',
  iscoCode: '',
  headcount: 1,
  startDate: '',
  contractType: 'fixed_term',
  durationMonths: null,
  accommodationProvided: false,
  notes: '',
  requiredSkills: [{ skillKey: '', minLevel: 2, weight: 1 }],
  optionalSkills: [],
  requiredLanguages: [],
  optionalLanguages: [],
};

function fromPosting(p: TDemandPosting): Form {
  return {
    enterpriseName: p.enterpriseName,
    country: p.country,
    site: p.site,
    iscoCode: p.iscoCode,
    headcount: p.headcount,
    startDate: p.startDate,
    contractType: p.contract.type,
    durationMonths: p.contract.durationMonths,
    accommodationProvided: p.contract.accommodationProvided,
    notes: p.contract.notes,
    requiredSkills: p.requiredSkills,
    optionalSkills: p.optionalSkills,
    requiredLanguages: p.requiredLanguages as Language[],
    optionalLanguages: p.optionalLanguages as Language[],
  };
}

function toInput(f: Form, partnerId: string | null): TDemandPostingInputRaw {
  return {
    enterpriseName: f.enterpriseName,
    partnerId,
    country: f.country,
    site: f.site,
    iscoCode: f.iscoCode,
    headcount: f.headcount,
    startDate: f.startDate,
    contract: {
      type: f.contractType,
      durationMonths: f.durationMonths,
      accommodationProvided: f.accommodationProvided,
      notes: f.notes,
    },
    requiredSkills: f.requiredSkills,
    optionalSkills: f.optionalSkills,
    requiredLanguages: f.requiredLanguages,
    optionalLanguages: f.optionalLanguages,
  };
}

function SkillRows({
  list,
  value,
  onChange,
  errors,
}: {
  list: 'requiredSkills' | 'optionalSkills';
  value: Skill[];
  onChange: (v: Skill[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const collegeSkills = useCollegeSkills();
  const options = skillOptions(currentLocale(), collegeSkills.data?.data);
  const levels = SKILL_LEVEL_VALUES.map((l) => ({ value: l, label: t(`talent.level.${l}`) }));
  const set = (i: number, patch: Partial<Skill>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="xs">
      <Text fw={600}>{t(`talent.demand.${list}`)}</Text>
      {value.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <Select
            aria-label={t('talent.skill')}
            data={options}
            value={s.skillKey || null}
            onChange={(v) => set(i, { skillKey: v ?? '' })}
            searchable
            w={300}
            maw="100%"
            error={errors[`${list}.${i}.skillKey`]}
          />
          <Select
            aria-label={t('talent.demand.minLevel')}
            data={levels}
            value={String(s.minLevel)}
            onChange={(v) => set(i, { minLevel: Number(v ?? 1) })}
            w={170}
            allowDeselect={false}
          />
          <NumberInput
            aria-label={t('talent.demand.weight')}
            min={1}
            max={10}
            value={s.weight}
            onChange={(v) => set(i, { weight: Number(v) || 1 })}
            w={90}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('talent.removeSkill')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...value, { skillKey: '', minLevel: 2, weight: 1 }])}
        >
          {t('talent.addSkill')}
        </Button>
      </Group>
    </Stack>
  );
}

function LanguageRows({
  list,
  value,
  onChange,
  errors,
}: {
  list: 'requiredLanguages' | 'optionalLanguages';
  value: Language[];
  onChange: (v: Language[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const cefr = CEFR_OPTIONS.map((c) => ({ value: c, label: t(`talent.cefrLevel.${c}`) }));
  const set = (i: number, patch: Partial<Language>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap="xs">
      <Text fw={600}>{t(`talent.demand.${list}`)}</Text>
      {value.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={i} gap="xs" align="flex-start">
          <TextInput
            aria-label={t('talent.languageCode')}
            value={l.code}
            onChange={(e) => set(i, { code: e.currentTarget.value.trim().toLowerCase() })}
            w={90}
            dir="ltr"
            error={errors[`${list}.${i}.code`]}
          />
          <Select
            aria-label={t('talent.demand.minCefr')}
            data={cefr}
            value={l.minCefr}
            onChange={(v) => set(i, { minCefr: (v ?? 'B1') as Language['minCefr'] })}
            w={140}
            allowDeselect={false}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('talent.removeLanguage')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, { code: '', minCefr: 'B1' }])}>
          {t('talent.addLanguage')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Creates or edits a demand posting (enterprise, partner college or the college itself). */
export function DemandFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useDemandPosting(id);
  const save = useSaveDemandPosting(id);
  const [form, setForm] = useState<Form>(EMPTY);
  useEffect(() => {
    if (existing.data) {
      setForm(fromPosting(existing.data));
    }
  }, [existing.data]);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const errors = serverFieldErrors(t, save.error) ?? {};
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  if (id && existing.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  const submit = () =>
    save.mutate(
      { version: existing.data?.version, data: toInput(form, existing.data?.partnerId ?? null) },
      { onSuccess: (p) => navigate(`/talent/demand/${p.id}`) },
    );
  return (
    <Stack>
      <PageHeader title={id ? t('talent.demand.editTitle') : t('talent.demand.new')} />
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('talent.demand.enterprise')}
              description={t('talent.demand.enterpriseFromPartner')}
              value={form.enterpriseName}
              onChange={(e) => set({ enterpriseName: e.currentTarget.value })}
              error={errors.enterpriseName}
            />
            <Select
              label={t('talent.occupation')}
              required
              searchable
              data={iscoUnitOptions()}
              value={form.iscoCode || null}
              onChange={(v) => set({ iscoCode: v ?? '' })}
              error={errors.iscoCode}
            />
            <CountrySelect
              label={t('talent.country')}
              required
              value={form.country || null}
              onChange={(v) => set({ country: v ?? '' })}
              error={errors.country}
            />
            <TextInput
              label={t('talent.demand.site')}
              value={form.site}
              onChange={(e) => set({ site: e.currentTarget.value })}
            />
            <NumberInput
              label={t('talent.demand.headcount')}
              required
              min={1}
              value={form.headcount}
              onChange={(v) => set({ headcount: Number(v) || 1 })}
              error={errors.headcount}
            />
            <DateField
              label={t('talent.demand.startDate')}
              required
              value={form.startDate}
              onChange={(e) => set({ startDate: e.currentTarget.value })}
              error={errors.startDate}
            />
            <Select
              label={t('talent.demand.contractType')}
              data={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`talent.demand.contract.${c}`) }))}
              value={form.contractType}
              onChange={(v) => set({ contractType: (v ?? 'fixed_term') as Form['contractType'] })}
              allowDeselect={false}
            />
            <NumberInput
              label={t('talent.demand.durationMonths')}
              min={1}
              max={120}
              value={form.durationMonths ?? ''}
              onChange={(v) => set({ durationMonths: v === '' ? null : Number(v) })}
              error={errors['contract.durationMonths']}
            />
          </SimpleGrid>
          <Checkbox
            label={t('talent.demand.accommodation')}
            checked={form.accommodationProvided}
            onChange={(e) => set({ accommodationProvided: e.currentTarget.checked })}
          />
          <Textarea
            label={t('talent.demand.notes')}
            value={form.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <SkillRows
            list="requiredSkills"
            value={form.requiredSkills}
            onChange={(v) => set({ requiredSkills: v })}
            errors={errors}
          />
          <SkillRows
            list="optionalSkills"
            value={form.optionalSkills}
            onChange={(v) => set({ optionalSkills: v })}
            errors={errors}
          />
          <LanguageRows
            list="requiredLanguages"
            value={form.requiredLanguages}
            onChange={(v) => set({ requiredLanguages: v })}
            errors={errors}
          />
          <LanguageRows
            list="optionalLanguages"
            value={form.optionalLanguages}
            onChange={(v) => set({ optionalLanguages: v })}
            errors={errors}
          />
          {save.error && (
            <Alert color="red" role="alert">
              {conflict ? t('common.conflictText') : errorMessage(t, save.error)}
            </Alert>
          )}
          <Group>
            <Button loading={save.isPending} onClick={submit}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
