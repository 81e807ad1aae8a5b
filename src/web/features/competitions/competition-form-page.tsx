import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  COMPETITION_STATUSES,
  type TCompetition,
  type TCompetitionInput,
  ZCompetitionInput,
} from '../../../contracts/competitions.js';
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
  const existing = useCompetition(id);
  const save = useSaveCompetition(id);
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({
    initialValues: empty(),
    validate: zodValidator(ZCompetitionInput, t, toInput),
  });
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
    const data = ZCompetitionInput.parse(toInput(values)) as TCompetitionInput;
    save.mutate(
      { version: loaded?.version, data },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'green', message: t('competitions.saved') });
          navigate(`/competitions/${c.id}`);
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

  return (
    <Stack>
      <PageHeader
        title={
          loaded
            ? t('competitions.editTitle', { name: pickLocalized(loaded.names, locale) })
            : t('competitions.new')
        }
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
      {save.error && !conflict && <ErrorState error={save.error} title={refusalMessage(t, save.error)} />}
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
            <PartnerPicker
              mt="sm"
              label={t('competitions.hostPartner')}
              description={t('competitions.hostPartnerHint')}
              maxValues={1}
              value={v.hostPartnerId ? [v.hostPartnerId] : []}
              onChange={(ids) => form.setFieldValue('hostPartnerId', ids[0] ?? null)}
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
    </Stack>
  );
}
