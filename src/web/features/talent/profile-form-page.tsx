import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TTalentProfile, TTalentProfileInput } from '../../../contracts/talent.js';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage, serverFieldErrors } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { useCollegeSkills, useSaveTalentProfile, useTalentProfile } from './api';
import { EditableFields, type EditableValue } from './editable-fields';
import { escoOccupationOptions, iscoUnitOptions } from './taxonomy';

type FormValue = EditableValue & {
  nameLatin: string;
  nameNative: string;
  email: string;
  locale: 'en' | 'zh-CN' | 'fr' | 'ar';
  iscoCode: string;
  escoUri: string | null;
  experienceYears: number;
  headline: string;
  summary: string;
};

function fromProfile(p: TTalentProfile | undefined, locale: string): FormValue {
  return {
    nameLatin: p?.nameLatin ?? '',
    nameNative: p?.nameNative ?? '',
    email: p?.email ?? '',
    locale: p?.locale ?? 'en',
    iscoCode: p?.iscoCode ?? '',
    escoUri: p?.escoUri ?? null,
    experienceYears: p?.experienceYears ?? 0,
    headline: p?.headline[locale] ?? '',
    summary: p?.summary[locale] ?? '',
    skills: p?.skills.map((s) => ({ skillKey: s.skillKey, level: s.level, evidence: s.evidence })) ?? [],
    languages: p?.languages.map((l) => ({ code: l.code, cefr: l.cefr as 'B1' })) ?? [],
    countries: p?.countries ?? [],
    availableFrom: p?.availableFrom ?? todayIso(),
  };
}

/** Create or edit a profile (the college). */
export function TalentProfileFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const existing = useTalentProfile(id);
  const collegeSkills = useCollegeSkills().data?.data ?? [];
  const save = useSaveTalentProfile(id);
  const [value, setValue] = useState<FormValue>(() => fromProfile(undefined, locale));
  const [loaded, setLoaded] = useState(!id);

  useEffect(() => {
    if (id && existing.data && !loaded) {
      setValue(fromProfile(existing.data, locale));
      setLoaded(true);
    }
  }, [id, existing.data, loaded, locale]);

  if (id && existing.error) {
    return <ErrorState error={existing.error} />;
  }
  const errors = serverFieldErrors(t, save.error) ?? {};
  const escoOptions = escoOccupationOptions(value.iscoCode, locale, existing.data?.escoUri ?? null);
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const set = (patch: Partial<FormValue>) => setValue((v) => ({ ...v, ...patch }));

  function submit() {
    const before = existing.data;
    const data: TTalentProfileInput = {
      participantId: before?.participantId ?? null,
      competitorId: before?.competitorId ?? null,
      nameLatin: value.nameLatin,
      nameNative: value.nameNative,
      email: value.email.trim(),
      locale: value.locale,
      iscoCode: value.iscoCode,
      escoUri: value.escoUri,
      education: before?.education ?? [],
      experienceYears: value.experienceYears,
      headline: { ...(before?.headline ?? {}), [locale]: value.headline },
      summary: { ...(before?.summary ?? {}), [locale]: value.summary },
      skills: value.skills.map((s) => ({
        skillKey: s.skillKey,
        level: s.level,
        evidence: s.evidence ?? 'self',
      })),
      languages: value.languages,
      countries: value.countries,
      availableFrom: value.availableFrom,
    };
    save.mutate({ version: before?.version, data }, { onSuccess: (p) => navigate(`/talent/${p.id}`) });
  }

  return (
    <Stack>
      <PageHeader title={id ? t('talent.editTitle') : t('talent.new')} />
      {conflict && (
        <VersionConflictAlert
          onReload={() => {
            setLoaded(false);
            save.reset();
            void existing.refetch();
          }}
        />
      )}
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('talent.nameLatin')}
              required
              value={value.nameLatin}
              onChange={(e) => set({ nameLatin: e.currentTarget.value })}
              error={errors.nameLatin}
              maxLength={200}
            />
            <TextInput
              label={t('talent.nameNative')}
              value={value.nameNative}
              onChange={(e) => set({ nameNative: e.currentTarget.value })}
              dir="auto"
              maxLength={200}
            />
            <TextInput
              label={t('talent.email')}
              type="email"
              value={value.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
              dir="ltr"
            />
            <Select
              label={t('talent.linkLanguage')}
              data={(['en', 'zh-CN', 'fr', 'ar'] as const).map((l) => ({
                value: l,
                label: t(`talent.locale.${l}`),
              }))}
              value={value.locale}
              onChange={(v) => set({ locale: (v ?? 'en') as FormValue['locale'] })}
              allowDeselect={false}
            />
            <Select
              label={t('talent.occupation')}
              required
              data={iscoUnitOptions()}
              value={value.iscoCode || null}
              onChange={(v) => set({ iscoCode: v ?? '', escoUri: null })}
              searchable
              error={errors.iscoCode}
            />
            <Select
              label={t('talent.escoOccupation')}
              data={escoOptions}
              value={value.escoUri}
              onChange={(v) => set({ escoUri: v })}
              clearable
              disabled={escoOptions.length === 0}
              error={errors.escoUri}
            />
            <NumberInput
              label={t('talent.experienceYears')}
              min={0}
              max={60}
              value={value.experienceYears}
              onChange={(v) => set({ experienceYears: Number(v) || 0 })}
            />
          </SimpleGrid>
          <TextInput
            label={t('talent.headline')}
            description={t('talent.freeTextHint')}
            value={value.headline}
            onChange={(e) => set({ headline: e.currentTarget.value })}
            dir="auto"
            maxLength={2000}
          />
          <Textarea
            label={t('talent.summary')}
            value={value.summary}
            onChange={(e) => set({ summary: e.currentTarget.value })}
            dir="auto"
            autosize
            minRows={3}
            maxLength={2000}
          />
          <EditableFields
            value={value}
            onChange={(v) => set(v)}
            collegeSkills={collegeSkills}
            withEvidence
            errors={errors}
          />
          {save.error && !conflict && (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          )}
          <Group>
            <Button onClick={submit} loading={save.isPending} disabled={!loaded}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => navigate(id ? `/talent/${id}` : '/talent')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
