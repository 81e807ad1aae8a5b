import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  COMPETITION_STATUSES,
  type TCompetition,
  type TCompetitionInput,
  ZCompetitionInput,
} from '../../../contracts/competitions.js';
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { EditFormPage, useEditForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { OnePartnerPicker } from '../partners/partner-picker';
import { useCompetition, useSaveCompetition } from './api';
import { refusalMessage } from './shared';

interface Values {
  names: Record<string, string>;
  slug: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  city: string;
  country: string;
  hostName: string;
  hostPartnerId: string | null;
  status: TCompetitionInput['status'];
  registrationOpensOn: string;
  registrationClosesOn: string;
  description: string;
}

const empty = (): Values => ({
  names: {},
  slug: '',
  startsOn: '',
  endsOn: '',
  venue: '',
  city: '',
  country: '',
  hostName: '',
  hostPartnerId: null,
  status: 'planning',
  registrationOpensOn: '',
  registrationClosesOn: '',
  description: '',
});

const toValues = (c: TCompetition): Values => ({
  names: { ...c.names },
  slug: c.slug,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  venue: c.venue,
  city: c.city,
  country: c.country,
  hostName: c.hostName,
  hostPartnerId: c.hostPartner?.id ?? null,
  status: c.status === 'cancelled' ? 'planning' : c.status,
  registrationOpensOn: c.registrationOpensOn ?? '',
  registrationClosesOn: c.registrationClosesOn ?? '',
  description: c.description,
});

const toInput = (v: Values) => ({
  ...v,
  names: Object.fromEntries(Object.entries(v.names).filter(([, x]) => x.trim() !== '')),
  registrationOpensOn: v.registrationOpensOn || null,
  registrationClosesOn: v.registrationClosesOn || null,
});

/** A slug suggestion from the English name: "GBA Skills 2026" → "gba-skills-2026". */
const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** Creates or edits a competition (the rule settings have their own tab on the competition page). */
export function CompetitionFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId: id } = useParams();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: empty(),
    validate: zodValidator(ZCompetitionInput, t, toInput),
  });
  const editor = useEditForm({
    id,
    form,
    existing: useCompetition(id),
    save: useSaveCompetition(id),
    toValues,
    toData: (values) => ZCompetitionInput.parse(toInput(values)) as TCompetitionInput,
    savedMessage: t('competitions.saved'),
    savedPath: (c) => `/competitions/${c.id}`,
  });
  const { loaded, save, submit } = editor;

  const v = form.getValues();

  return (
    <EditFormPage
      editor={editor}
      title={(c) =>
        c ? t('competitions.editTitle', { name: pickLocalized(c.names, locale) }) : t('competitions.new')
      }
      saveErrorTitle={(e) => refusalMessage(t, e)}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocalizedTextEditor
            legend={t('competitions.name')}
            value={v.names}
            onChange={(x) => {
              form.setFieldValue('names', x);
              if (!id && !form.isDirty('slug') && x.en) {
                form.setFieldValue('slug', slugify(x.en));
                form.resetDirty({ ...form.getValues(), names: x, slug: slugify(x.en) });
              }
            }}
            required={['en']}
            error={form.errors.names}
          />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('competitions.slug')}
                description={t('competitions.slugHint')}
                required
                dir="ltr"
                {...form.getInputProps('slug')}
              />
              <DateField label={t('competitions.startsOn')} required {...form.getInputProps('startsOn')} />
              <DateField label={t('competitions.endsOn')} required {...form.getInputProps('endsOn')} />
              <Select
                label={t('competitions.status')}
                required
                allowDeselect={false}
                data={COMPETITION_STATUSES.filter((s) => s !== 'cancelled').map((s) => ({
                  value: s,
                  label: t(`competitions.competitionStatus.${s}`),
                }))}
                {...form.getInputProps('status')}
              />
              <DateField
                label={t('competitions.registrationOpensOn')}
                {...form.getInputProps('registrationOpensOn')}
              />
              <DateField
                label={t('competitions.registrationClosesOn')}
                {...form.getInputProps('registrationClosesOn')}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('competitions.venue')} dir="auto" {...form.getInputProps('venue')} />
              <TextInput label={t('competitions.city')} dir="auto" {...form.getInputProps('city')} />
              <CountrySelect label={t('competitions.country')} required {...form.getInputProps('country')} />
            </SimpleGrid>
            <TextInput
              mt="sm"
              label={t('competitions.hostName')}
              dir="auto"
              {...form.getInputProps('hostName')}
            />
            <OnePartnerPicker
              mt="sm"
              label={t('competitions.hostPartner')}
              description={t('competitions.hostPartnerHint')}
              value={v.hostPartnerId}
              onChange={(id) => form.setFieldValue('hostPartnerId', id)}
              known={loaded?.hostPartner ? [loaded.hostPartner] : []}
              error={form.errors.hostPartnerId}
            />
          </Card>
          <Textarea
            label={t('competitions.description')}
            autosize
            minRows={3}
            dir="auto"
            {...form.getInputProps('description')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => navigate(id ? `/competitions/${id}` : '/competitions')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </EditFormPage>
  );
}
