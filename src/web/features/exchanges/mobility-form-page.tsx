import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  MEMBER_GENDERS,
  MOBILITY_CATEGORIES,
  MOBILITY_COST_BEARERS,
  MOBILITY_DIRECTIONS,
  type TMobility,
  type TMobilityInput,
  ZMobilityInput,
} from '../../../contracts/exchanges.js';
import { Permission } from '../../../contracts/roles.js';
import { currencyExponent } from '../../../domain/projects/money.js';
import { useCan } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { EditFormPage, FormActions, useEditForm } from '../../components/edit-form-page';
import { currentLocale } from '../../i18n';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { useAgreements } from '../agreements/api';
import { OnePartnerPicker } from '../partners/partner-picker';
import { useProjects } from '../projects/api';
import { useMobility, useSaveMobility } from './api';

type Member = TMobilityInput['members'][number];

interface FormValues {
  direction: TMobilityInput['direction'];
  category: TMobilityInput['category'];
  title: string;
  purpose: string;
  partnerId: string;
  destinationCity: string;
  plannedStartOn: string;
  plannedEndOn: string;
  actualStartOn: string;
  actualEndOn: string;
  fundingSource: string;
  fundingAmount: number | '';
  fundingCurrency: string;
  costsBorneBy: TMobilityInput['costsBorneBy'];
  agreementId: string;
  projectId: string;
  notes: string;
  members: Member[];
}

/** Minor-unit exponent of the funding currency (ISO 4217, shared with the detail page and projects). */
function fractionDigits(currency: string): number {
  return currencyExponent(currency);
}

const emptyMember = (): Member => ({
  nameNative: '',
  nameLatin: '',
  gender: 'unspecified',
  position: '',
  nationality: null,
  passportNumber: '',
});

function empty(): FormValues {
  return {
    direction: 'inbound',
    category: 'official_delegation',
    title: '',
    purpose: '',
    partnerId: '',
    destinationCity: '',
    plannedStartOn: '',
    plannedEndOn: '',
    actualStartOn: '',
    actualEndOn: '',
    fundingSource: '',
    fundingAmount: '',
    fundingCurrency: '',
    costsBorneBy: 'host',
    agreementId: '',
    projectId: '',
    notes: '',
    members: [],
  };
}

function toValues(m: TMobility): FormValues {
  const partner = m.home.isOwn ? m.host.partner : m.home.partner;
  const digits = m.fundingCurrency ? fractionDigits(m.fundingCurrency) : 2;
  return {
    direction: m.direction,
    category: m.category,
    title: m.title,
    purpose: m.purpose,
    partnerId: partner?.id ?? '',
    destinationCity: m.destinationCity,
    plannedStartOn: m.plannedStartOn,
    plannedEndOn: m.plannedEndOn,
    actualStartOn: m.actualStartOn ?? '',
    actualEndOn: m.actualEndOn ?? '',
    fundingSource: m.fundingSource,
    fundingAmount: m.fundingAmountMinor === null ? '' : m.fundingAmountMinor / 10 ** digits,
    fundingCurrency: m.fundingCurrency ?? '',
    costsBorneBy: m.costsBorneBy,
    agreementId: m.agreement?.id ?? '',
    projectId: m.project?.id ?? '',
    notes: m.notes,
    members: m.members.map((x) => ({ ...x, passportNumber: x.passportNumber ?? '' })),
  };
}

function toInput(v: FormValues): unknown {
  const partner = { isOwn: false, partnerId: v.partnerId || null };
  const own = { isOwn: true, partnerId: null };
  const currency = v.fundingCurrency.trim().toUpperCase();
  return {
    direction: v.direction,
    category: v.category,
    title: v.title,
    purpose: v.purpose,
    home: v.direction === 'inbound' ? partner : own,
    host: v.direction === 'inbound' ? own : partner,
    destinationCity: v.destinationCity,
    plannedStartOn: v.plannedStartOn,
    plannedEndOn: v.plannedEndOn,
    actualStartOn: v.actualStartOn || null,
    actualEndOn: v.actualEndOn || null,
    fundingSource: v.fundingSource,
    fundingAmountMinor:
      v.fundingAmount === ''
        ? null
        : Math.round(Number(v.fundingAmount) * 10 ** fractionDigits(currency || 'CNY')),
    fundingCurrency: currency || null,
    costsBorneBy: v.costsBorneBy,
    agreementId: v.agreementId || null,
    projectId: v.projectId || null,
    notes: v.notes,
    members: v.members,
  };
}

/** Form errors about the partner side (home.partnerId or host.partnerId) show on the one partner field. */
function remap(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const key = /^(home|host)\./.test(k) ? 'partnerId' : k === 'fundingAmountMinor' ? 'fundingAmount' : k;
    out[key] ??= v;
  }
  return out;
}

/** The project the exchange belongs to (projects list API; current, non-archived projects first). */
function ProjectSelect({
  value,
  current,
  onChange,
  error,
}: {
  value: string;
  current: TMobility['project'] | null;
  onChange: (id: string) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const projects = useProjects({ page: 1, pageSize: 200, sort: 'code' });
  const options = (projects.data?.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.code} ${pickLocalized(p.title, locale)}`,
  }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: `${current.code} ${pickLocalized(current.title, locale)}` });
  }
  return (
    <Select
      label={t('exchanges.project')}
      clearable
      searchable
      data={options}
      value={value || null}
      onChange={(x) => onChange(x ?? '')}
      error={error}
    />
  );
}

export function MobilityFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const agreements = useAgreements({ page: 1, pageSize: 200, sort: 'title' });
  const validate = zodValidator(ZMobilityInput, t, toInput);
  const form = useForm<FormValues>({
    initialValues: empty(),
    validate: (values) => remap(validate(values)),
  });
  const editor = useEditForm({
    id,
    form,
    existing: useMobility(id),
    save: useSaveMobility(id),
    toValues,
    toData: (values) => ZMobilityInput.parse(toInput(values)) as TMobilityInput,
    savedMessage: t('exchanges.saved'),
    savedPath: (m) => `/exchanges/${m.id}`,
    fieldErrors: (e) => {
      const fields = serverFieldErrors(t, e);
      return fields && remap(fields);
    },
  });
  const { loaded, save, submit } = editor;

  const v = form.getValues();
  const known = loaded ? [loaded.home.partner, loaded.host.partner].filter((p) => p !== null) : [];

  return (
    <EditFormPage
      editor={editor}
      title={(m) => (m ? t('exchanges.editTitle', { title: m.title }) : t('exchanges.new'))}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('exchanges.direction')}
                required
                allowDeselect={false}
                data={MOBILITY_DIRECTIONS.map((x) => ({ value: x, label: t(`exchanges.directions.${x}`) }))}
                {...form.getInputProps('direction')}
              />
              <Select
                label={t('exchanges.category')}
                required
                allowDeselect={false}
                data={MOBILITY_CATEGORIES.map((x) => ({ value: x, label: t(`exchanges.categories.${x}`) }))}
                {...form.getInputProps('category')}
              />
              <TextInput label={t('exchanges.title')} required dir="auto" {...form.getInputProps('title')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <OnePartnerPicker
                label={v.direction === 'inbound' ? t('exchanges.home') : t('exchanges.host')}
                description={t('exchanges.ownSideHint', {
                  side: v.direction === 'inbound' ? t('exchanges.host') : t('exchanges.home'),
                })}
                required
                value={v.partnerId}
                onChange={(id) => form.setFieldValue('partnerId', id ?? '')}
                known={known}
                error={form.errors.partnerId}
              />
              <TextInput
                label={t('exchanges.destinationCity')}
                dir="auto"
                {...form.getInputProps('destinationCity')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('exchanges.purpose')}
              autosize
              minRows={2}
              dir="auto"
              {...form.getInputProps('purpose')}
            />
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <DateField
                label={t('exchanges.plannedStartOn')}
                required
                {...form.getInputProps('plannedStartOn')}
              />
              <DateField
                label={t('exchanges.plannedEndOn')}
                required
                {...form.getInputProps('plannedEndOn')}
              />
              <DateField label={t('exchanges.actualStartOn')} {...form.getInputProps('actualStartOn')} />
              <DateField label={t('exchanges.actualEndOn')} {...form.getInputProps('actualEndOn')} />
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                label={t('exchanges.fundingSource')}
                dir="auto"
                {...form.getInputProps('fundingSource')}
              />
              <NumberInput
                label={t('exchanges.fundingAmount')}
                min={0}
                decimalScale={fractionDigits(form.values.fundingCurrency.trim() || 'CNY')}
                thousandSeparator
                {...form.getInputProps('fundingAmount')}
              />
              <TextInput
                label={t('exchanges.fundingCurrency')}
                placeholder="CNY"
                maxLength={3}
                {...form.getInputProps('fundingCurrency')}
              />
              <Select
                label={t('exchanges.costsBorneBy')}
                allowDeselect={false}
                data={MOBILITY_COST_BEARERS.map((x) => ({
                  value: x,
                  label: t(`exchanges.costBearers.${x}`),
                }))}
                {...form.getInputProps('costsBorneBy')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <Select
                label={t('exchanges.agreement')}
                clearable
                searchable
                data={(agreements.data?.data ?? []).map((a) => ({
                  value: a.id,
                  label: pickLocalized(a.title, locale),
                }))}
                value={v.agreementId || null}
                onChange={(x) => form.setFieldValue('agreementId', x ?? '')}
                error={form.errors.agreementId}
              />
              {can(Permission.ProjectRead) && (
                <ProjectSelect
                  value={v.projectId}
                  current={loaded?.project ?? null}
                  onChange={(x) => form.setFieldValue('projectId', x)}
                  error={form.errors.projectId}
                />
              )}
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4">
                {t('exchanges.members.title')}
              </Title>
              <Button variant="light" onClick={() => form.insertListItem('members', emptyMember())}>
                {t('exchanges.members.add')}
              </Button>
            </Group>
            {v.members.length === 0 && <Text c="dimmed">{t('exchanges.members.empty')}</Text>}
            <Stack>
              {v.members.map((member, i) => (
                <Card key={member.id ?? `new-${i}`} withBorder padding="sm">
                  <SimpleGrid cols={{ base: 1, sm: 4 }}>
                    <TextInput
                      label={t('exchanges.members.nameNative')}
                      dir="auto"
                      {...form.getInputProps(`members.${i}.nameNative`)}
                    />
                    <TextInput
                      label={t('exchanges.members.nameLatin')}
                      required
                      {...form.getInputProps(`members.${i}.nameLatin`)}
                    />
                    <Select
                      label={t('exchanges.members.gender')}
                      allowDeselect={false}
                      data={MEMBER_GENDERS.map((g) => ({ value: g, label: t(`exchanges.genders.${g}`) }))}
                      {...form.getInputProps(`members.${i}.gender`)}
                    />
                    <TextInput
                      label={t('exchanges.members.position')}
                      dir="auto"
                      {...form.getInputProps(`members.${i}.position`)}
                    />
                    <CountrySelect
                      label={t('exchanges.members.nationality')}
                      clearable
                      value={member.nationality}
                      onChange={(c) => form.setFieldValue(`members.${i}.nationality`, c ?? null)}
                    />
                    {(!loaded || loaded.abilities.readSensitive) && (
                      <TextInput
                        label={t('exchanges.members.passportNumber')}
                        {...form.getInputProps(`members.${i}.passportNumber`)}
                      />
                    )}
                    <Group align="flex-end">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('exchanges.members.remove')}
                        onClick={() => form.removeListItem('members', i)}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </SimpleGrid>
                </Card>
              ))}
            </Stack>
          </Card>
          <Textarea
            label={t('exchanges.notes')}
            autosize
            minRows={2}
            dir="auto"
            {...form.getInputProps('notes')}
          />
          <FormActions
            saving={save.isPending}
            onCancel={() => navigate(id ? `/exchanges/${id}` : '/exchanges')}
          />
        </Stack>
      </form>
    </EditFormPage>
  );
}
