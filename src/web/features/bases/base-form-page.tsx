import {
  Autocomplete,
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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  BASE_KINDS,
  BASE_LOCATIONS,
  BASE_STATUSES,
  type TBase,
  type TBaseInput,
  ZBaseInput,
} from '../../../contracts/bases.js';
import { WORLDSKILLS_SKILLS, worldSkillsSkillName } from '../../../domain/bases/worldskills-skills.js';
import { FullPageLoader } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { PartnerPicker } from '../partners/partner-picker';
import { useBase, useSaveBase } from './api';

interface Values {
  kind: TBaseInput['kind'];
  names: Record<string, string>;
  skillNumber: string;
  skillName: string;
  location: TBaseInput['location'];
  siteAddress: string;
  country: string;
  partnerId: string | null;
  workstations: number;
  establishedOn: string;
  status: TBaseInput['status'];
  facilities: string;
  notes: string;
}

const empty = (): Values => ({
  kind: 'worldskills',
  names: {},
  skillNumber: '',
  skillName: '',
  location: 'at_home',
  siteAddress: '',
  country: '',
  partnerId: null,
  workstations: 1,
  establishedOn: '',
  status: 'active',
  facilities: '',
  notes: '',
});

const toValues = (b: TBase): Values => ({
  kind: b.kind,
  names: { ...b.names },
  skillNumber: b.skillNumber,
  skillName: b.skillName,
  location: b.location,
  siteAddress: b.siteAddress,
  country: b.country,
  partnerId: b.partner?.id ?? null,
  workstations: b.workstations,
  establishedOn: b.establishedOn ?? '',
  status: b.status,
  facilities: b.facilities,
  notes: b.notes,
});

const toInput = (v: Values) => ({
  ...v,
  names: Object.fromEntries(Object.entries(v.names).filter(([, x]) => x.trim() !== '')),
  establishedOn: v.establishedOn || null,
});

export function BaseFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useBase(id);
  const save = useSaveBase(id);
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({ initialValues: empty(), validate: zodValidator(ZBaseInput, t, toInput) });
  const loaded = existing.data;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when another version arrives
  useEffect(() => {
    if (loaded) {
      form.setValues(toValues(loaded));
      form.resetDirty(toValues(loaded));
    }
  }, [loaded?.id, loaded?.version]);

  if (id && existing.isPending) {
    return <FullPageLoader />;
  }
  if (id && existing.error) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }

  const v = form.getValues();
  const submit = form.onSubmit((values) => {
    setConflict(false);
    const data = ZBaseInput.parse(toInput(values)) as TBaseInput;
    save.mutate(
      { version: loaded?.version, data },
      {
        onSuccess: (b) => {
          notifications.show({ color: 'green', message: t('bases.saved') });
          navigate(`/bases/${b.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
            setConflict(true);
          }
          const fields = serverFieldErrors(t, e);
          if (fields) {
            form.setErrors(fields);
          }
        },
      },
    );
  });
  const options = (codes: readonly string[], prefix: string) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));

  return (
    <Stack>
      <PageHeader
        title={loaded ? t('bases.editTitle', { name: pickLocalized(loaded.names, locale) }) : t('bases.new')}
      />
      {conflict && (
        <VersionConflictAlert
          onReload={() => {
            setConflict(false);
            save.reset();
            void existing.refetch();
          }}
        />
      )}
      {save.error && !conflict && <ErrorState error={save.error} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocalizedTextEditor
            legend={t('bases.name')}
            value={v.names}
            onChange={(x) => form.setFieldValue('names', x)}
            required={['en']}
            error={form.errors.names}
          />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('bases.kind')}
                required
                allowDeselect={false}
                data={options(BASE_KINDS, 'bases.kinds')}
                {...form.getInputProps('kind')}
              />
              <Autocomplete
                label={t('bases.skillNumber')}
                description={t('bases.skillNumberHint')}
                required={v.kind === 'worldskills'}
                data={WORLDSKILLS_SKILLS.map((s) => `${s.number} ${s.name}`)}
                {...form.getInputProps('skillNumber')}
                onChange={(x) => {
                  const number = x.split(' ')[0] ?? '';
                  form.setFieldValue('skillNumber', number);
                  const name = worldSkillsSkillName(number);
                  if (name && !form.getValues().skillName) {
                    form.setFieldValue('skillName', name);
                  }
                }}
              />
              <TextInput label={t('bases.skillName')} dir="auto" {...form.getInputProps('skillName')} />
              <Select
                label={t('bases.location')}
                required
                allowDeselect={false}
                data={options(BASE_LOCATIONS, 'bases.locations')}
                {...form.getInputProps('location')}
              />
              <CountrySelect label={t('bases.country')} required {...form.getInputProps('country')} />
              <Select
                label={t('bases.status')}
                required
                allowDeselect={false}
                data={options(BASE_STATUSES, 'bases.statuses')}
                {...form.getInputProps('status')}
              />
              <NumberInput
                label={t('bases.workstations')}
                required
                min={1}
                max={1000}
                allowDecimal={false}
                {...form.getInputProps('workstations')}
              />
              <DateField label={t('bases.establishedOn')} {...form.getInputProps('establishedOn')} />
            </SimpleGrid>
            <TextInput
              mt="sm"
              label={t('bases.siteAddress')}
              dir="auto"
              {...form.getInputProps('siteAddress')}
            />
            <PartnerPicker
              mt="sm"
              label={t('bases.partner')}
              description={t('bases.partnerHint')}
              maxValues={1}
              value={v.partnerId ? [v.partnerId] : []}
              onChange={(ids) => form.setFieldValue('partnerId', ids[0] ?? null)}
              known={loaded?.partner ? [loaded.partner] : []}
              error={form.errors.partnerId}
            />
          </Card>
          <Textarea
            label={t('bases.facilities')}
            autosize
            minRows={3}
            dir="auto"
            {...form.getInputProps('facilities')}
          />
          <Textarea
            label={t('bases.notes')}
            autosize
            minRows={2}
            dir="auto"
            {...form.getInputProps('notes')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => navigate(id ? `/bases/${id}` : '/bases')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
