import {
  ActionIcon,
  Autocomplete,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  BUDGET_STATUSES,
  BUDGET_TYPES,
  PARTICIPANT_ROLES,
  TRANSACTION_TYPES,
} from '../../../contracts/projects.js';
import { EDUCATION_SECTORS, educationSectorName } from '../../../domain/projects/dac-sectors.js';
import { CountrySelect } from '../../components/country-select';
import { DateField } from '../../components/date-field';
import { OnePartnerPicker } from '../partners/partner-picker';
import { OWN_COLLEGE, type ProjectFormValues } from './project-form-values';

type Form = UseFormReturnType<ProjectFormValues>;

function EditorCard({
  title,
  onAdd,
  children,
}: {
  title: string;
  onAdd: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Button size="compact-sm" variant="light" onClick={onAdd}>
          {t('projects.addRow')}
        </Button>
      </Group>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

function Remove({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mb={4}>
      ×
    </ActionIcon>
  );
}

/** IATI participating organizations: the own college or a partner, each with a role. */
export function ParticipantsEditor({
  form,
  known,
}: {
  form: Form;
  known: { id: string; names: Record<string, string>; country?: string }[];
}) {
  const { t } = useTranslation();
  const rows = form.getValues().participants;
  return (
    <EditorCard
      title={t('projects.participants')}
      onAdd={() => form.insertListItem('participants', { partnerId: '', role: '4' })}
    >
      {form.errors.participants && (
        <Text c="red" size="sm">
          {form.errors.participants}
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={form.key(`participants.${i}`)} align="flex-end" wrap="wrap">
          <Checkbox
            label={t('projects.ownCollege')}
            checked={row.partnerId === OWN_COLLEGE}
            onChange={(e) =>
              form.setFieldValue(`participants.${i}.partnerId`, e.currentTarget.checked ? OWN_COLLEGE : '')
            }
            mb={8}
          />
          {row.partnerId !== OWN_COLLEGE && (
            <OnePartnerPicker
              label={t('projects.partner')}
              value={row.partnerId}
              onChange={(id) => form.setFieldValue(`participants.${i}.partnerId`, id ?? '')}
              known={known}
              error={form.errors[`participants.${i}.partnerId`]}
              w={300}
            />
          )}
          <Select
            label={t('projects.role')}
            allowDeselect={false}
            data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`projects.roles.${r}`) }))}
            {...form.getInputProps(`participants.${i}.role`)}
            w={180}
          />
          <Remove label={t('projects.removeRow')} onClick={() => form.removeListItem('participants', i)} />
        </Group>
      ))}
    </EditorCard>
  );
}

/** Recipient countries or DAC sectors with optional percentages (totalling 100 when given). */
export function SharesEditor({ form, field }: { form: Form; field: 'countries' | 'sectors' }) {
  const { t } = useTranslation();
  const rows = form.getValues()[field];
  const sectorOptions = EDUCATION_SECTORS.map((s) => s.code);
  return (
    <EditorCard
      title={t(field === 'countries' ? 'projects.recipientCountries' : 'projects.sectorsLabel')}
      onAdd={() => form.insertListItem(field, { key: '', percentage: '' })}
    >
      <Text size="sm" c="dimmed">
        {t('projects.percentHint')}
      </Text>
      {form.errors[field] && (
        <Text c="red" size="sm" role="alert">
          {form.errors[field]}
        </Text>
      )}
      {rows.map((row, i) => {
        const keyError = form.errors[`${field}.${i}.${field === 'countries' ? 'country' : 'code'}`];
        return (
          <Group key={form.key(`${field}.${i}`)} align="flex-end">
            {field === 'countries' ? (
              <CountrySelect
                label={t('projects.country')}
                value={row.key || null}
                onChange={(v) => form.setFieldValue(`countries.${i}.key`, v ?? '')}
                error={keyError}
                w={240}
              />
            ) : (
              <Autocomplete
                label={t('projects.sectorCode')}
                data={sectorOptions}
                renderOption={({ option }) => `${option.value} — ${t(`projects.sectors.${option.value}`)}`}
                description={educationSectorName(row.key) ? t(`projects.sectors.${row.key}`) : undefined}
                value={row.key}
                onChange={(v) => form.setFieldValue(`sectors.${i}.key`, v.trim())}
                error={keyError}
                w={240}
              />
            )}
            <NumberInput
              label={t('projects.percentage')}
              min={0}
              max={100}
              decimalScale={2}
              suffix=" %"
              {...form.getInputProps(`${field}.${i}.percentage`)}
              w={130}
            />
            <Remove label={t('projects.removeRow')} onClick={() => form.removeListItem(field, i)} />
          </Group>
        );
      })}
    </EditorCard>
  );
}

/** Budgets per period (at most a year each), amounts typed in the currency's units. */
export function BudgetsEditor({ form }: { form: Form }) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <EditorCard
      title={t('projects.budgets')}
      onAdd={() =>
        form.insertListItem('budgets', {
          type: '1',
          status: '1',
          periodStart: '',
          periodEnd: '',
          amount: '',
          currency: v.defaultCurrency,
        })
      }
    >
      {v.budgets.map((_b, i) => (
        <Group key={form.key(`budgets.${i}`)} align="flex-start" wrap="wrap">
          <DateField
            label={t('projects.periodStart')}
            required
            {...form.getInputProps(`budgets.${i}.periodStart`)}
            w={170}
          />
          <DateField
            label={t('projects.periodEnd')}
            required
            {...form.getInputProps(`budgets.${i}.periodEnd`)}
            w={170}
          />
          <TextInput
            label={t('projects.amount')}
            required
            inputMode="decimal"
            {...form.getInputProps(`budgets.${i}.amount`)}
            w={150}
          />
          <TextInput
            label={t('projects.currency')}
            maxLength={3}
            {...form.getInputProps(`budgets.${i}.currency`)}
            w={80}
          />
          <Select
            label={t('projects.budgetType')}
            allowDeselect={false}
            data={BUDGET_TYPES.map((x) => ({ value: x, label: t(`projects.budgetTypes.${x}`) }))}
            {...form.getInputProps(`budgets.${i}.type`)}
            w={130}
          />
          <Select
            label={t('projects.budgetStatus')}
            allowDeselect={false}
            data={BUDGET_STATUSES.map((x) => ({ value: x, label: t(`projects.budgetStatuses.${x}`) }))}
            {...form.getInputProps(`budgets.${i}.status`)}
            w={140}
          />
          <Remove label={t('projects.removeRow')} onClick={() => form.removeListItem('budgets', i)} />
        </Group>
      ))}
    </EditorCard>
  );
}

/** IATI transactions: commitments, disbursements, expenditures… */
export function TransactionsEditor({ form }: { form: Form }) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <EditorCard
      title={t('projects.transactions')}
      onAdd={() =>
        form.insertListItem('transactions', {
          type: '4',
          date: '',
          amount: '',
          currency: v.defaultCurrency,
          description: '',
          providerOrg: '',
          receiverOrg: '',
        })
      }
    >
      {v.transactions.map((_x, i) => (
        <Group key={form.key(`transactions.${i}`)} align="flex-start" wrap="wrap">
          <Select
            label={t('projects.transactionType')}
            allowDeselect={false}
            data={TRANSACTION_TYPES.map((x) => ({ value: x, label: t(`projects.transactionTypes.${x}`) }))}
            {...form.getInputProps(`transactions.${i}.type`)}
            w={190}
          />
          <DateField
            label={t('projects.date')}
            required
            {...form.getInputProps(`transactions.${i}.date`)}
            w={170}
          />
          <TextInput
            label={t('projects.amount')}
            required
            inputMode="decimal"
            {...form.getInputProps(`transactions.${i}.amount`)}
            w={150}
          />
          <TextInput
            label={t('projects.currency')}
            maxLength={3}
            {...form.getInputProps(`transactions.${i}.currency`)}
            w={80}
          />
          <TextInput
            label={t('projects.transactionDescription')}
            dir="auto"
            {...form.getInputProps(`transactions.${i}.description`)}
            w={220}
          />
          <TextInput
            label={t('projects.receiverOrg')}
            dir="auto"
            {...form.getInputProps(`transactions.${i}.receiverOrg`)}
            w={200}
          />
          <Remove label={t('projects.removeRow')} onClick={() => form.removeListItem('transactions', i)} />
        </Group>
      ))}
    </EditorCard>
  );
}
