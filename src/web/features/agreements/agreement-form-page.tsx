import { Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  AGREEMENT_STAGES,
  AGREEMENT_TYPES,
  type TAgreementInput,
  ZAgreementInput,
} from '../../../contracts/agreements.js';
import { DateField } from '../../components/date-field';
import { EditFormPage, FormActions, useEditForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { currentLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { PartnerPicker } from '../partners/partner-picker';
import {
  type AgreementFormValues,
  agreementToValues,
  agreementValuesToInput,
  emptyAgreementValues,
} from './agreement-form-values';
import { useAgreement, useSaveAgreement } from './api';
import { SignatoriesEditor } from './signatories-editor';

export function AgreementFormPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [partyLabels, setPartyLabels] = useState<{ value: string; label: string }[]>([]);
  const form = useForm<AgreementFormValues>({
    initialValues: emptyAgreementValues(params.get('partnerId')),
    validate: zodValidator(ZAgreementInput, t, agreementValuesToInput),
  });
  const editor = useEditForm({
    id,
    form,
    existing: useAgreement(id),
    save: useSaveAgreement(id),
    toValues: agreementToValues,
    onLoaded: (a) =>
      setPartyLabels(a.partners.map((p) => ({ value: p.id, label: pickLocalized(p.names, locale) }))),
    toData: (values) => ZAgreementInput.parse(agreementValuesToInput(values)) as TAgreementInput,
    savedMessage: t('agreements.saved'),
    savedPath: (a) => `/agreements/${a.id}`,
  });
  const { loaded, save, submit } = editor;

  const v = form.getValues();

  return (
    <EditFormPage
      editor={editor}
      title={(a) =>
        a ? t('agreements.editTitle', { title: pickLocalized(a.title, locale) }) : t('agreements.new')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocalizedTextEditor
            legend={t('agreements.titleField')}
            value={v.title}
            onChange={(x) => form.setFieldValue('title', x)}
            error={form.errors.title}
          />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('agreements.type')}
                required
                allowDeselect={false}
                data={AGREEMENT_TYPES.map((x) => ({ value: x, label: t(`agreements.types.${x}`) }))}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('agreements.stage')}
                required
                allowDeselect={false}
                data={AGREEMENT_STAGES.map((x) => ({ value: x, label: t(`agreements.stages.${x}`) }))}
                {...form.getInputProps('stage')}
              />
            </SimpleGrid>
            <PartnerPicker
              mt="sm"
              label={t('agreements.partners')}
              required
              value={v.partnerIds}
              onChange={(ids, chosen) => {
                form.setFieldValue('partnerIds', ids);
                setPartyLabels(chosen);
              }}
              known={loaded?.partners}
              error={form.errors.partnerIds}
            />
            <Textarea
              mt="sm"
              label={t('agreements.scope')}
              autosize
              minRows={3}
              dir="auto"
              {...form.getInputProps('scope')}
            />
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField
                label={t('agreements.signedOn')}
                required={v.stage === 'signed'}
                {...form.getInputProps('signedOn')}
              />
              <DateField
                label={t('agreements.startsOn')}
                required={v.stage === 'signed'}
                {...form.getInputProps('startsOn')}
              />
              <DateField
                label={t('agreements.endsOn')}
                required={v.autoRenewal}
                {...form.getInputProps('endsOn')}
              />
            </SimpleGrid>
            <Group mt="md" align="flex-end">
              <Switch
                label={t('agreements.autoRenewal')}
                {...form.getInputProps('autoRenewal', { type: 'checkbox' })}
              />
              {v.autoRenewal && (
                <NumberInput
                  label={t('agreements.renewalMonths')}
                  required
                  min={1}
                  max={120}
                  allowDecimal={false}
                  w={200}
                  {...form.getInputProps('renewalMonths')}
                />
              )}
              <NumberInput
                label={t('agreements.expiringWindowDays')}
                description={t('agreements.expiringWindowHint')}
                min={1}
                max={730}
                allowDecimal={false}
                w={260}
                {...form.getInputProps('expiringWindowDays')}
              />
            </Group>
          </Card>
          <SignatoriesEditor form={form} parties={partyLabels} />
          <Textarea
            label={t('agreements.notes')}
            autosize
            minRows={3}
            dir="auto"
            {...form.getInputProps('notes')}
          />
          <FormActions
            saving={save.isPending}
            onCancel={() => navigate(id ? `/agreements/${id}` : '/agreements')}
          />
        </Stack>
      </form>
    </EditFormPage>
  );
}
