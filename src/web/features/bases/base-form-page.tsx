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
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { EditFormPage, useEditForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { OnePartnerPicker } from '../partners/partner-picker';
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
  const form = useForm<Values>({ initialValues: empty(), validate: zodValidator(ZBaseInput, t, toInput) });
  const editor = useEditForm({
    id,
    form,
    existing: useBase(id),
    save: useSaveBase(id),
    toValues,
    toData: (values) => ZBaseInput.parse(toInput(values)) as TBaseInput,
    savedMessage: t('bases.saved'),
    savedPath: (b) => `/bases/${b.id}`,
  });
  const { loaded, save, submit } = editor;

  const v = form.getValues();
  const options = (codes: readonly string[], prefix: string) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));

  return (
    <EditFormPage
      editor={editor}
      title={(b) => (b ? t('bases.editTitle', { name: pickLocalized(b.names, locale) }) : t('bases.new'))}
    >
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
            <OnePartnerPicker
              mt="sm"
              label={t('bases.partner')}
              description={t('bases.partnerHint')}
              value={v.partnerId}
              onChange={(id) => form.setFieldValue('partnerId', id)}
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
    </EditFormPage>
  );
}
