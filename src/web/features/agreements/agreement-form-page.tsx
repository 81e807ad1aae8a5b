import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  AGREEMENT_STAGES,
  AGREEMENT_TYPES,
  type TAgreementInput,
  ZAgreementInput,
} from '../../../contracts/agreements.js';
import { FullPageLoader } from '../../app/session';
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
  const existing = useAgreement(id);
  const save = useSaveAgreement(id);
  const [conflict, setConflict] = useState(false);
  const [partyLabels, setPartyLabels] = useState<{ value: string; label: string }[]>([]);
  const form = useForm<AgreementFormValues>({
    initialValues: emptyAgreementValues(params.get('partnerId')),
    validate: zodValidator(ZAgreementInput, t, agreementValuesToInput),
  });

  const loaded = existing.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when another version arrives
  useEffect(() => {
    if (loaded) {
      form.setValues(agreementToValues(loaded));
      form.resetDirty(agreementToValues(loaded));
      setPartyLabels(loaded.partners.map((p) => ({ value: p.id, label: pickLocalized(p.names, locale) })));
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
    const data = ZAgreementInput.parse(agreementValuesToInput(values)) as TAgreementInput;
    save.mutate(
      { version: loaded?.version, data },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'green', message: t('agreements.saved') });
          navigate(`/agreements/${a.id}`);
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
            ? t('agreements.editTitle', { title: pickLocalized(loaded.title, locale) })
            : t('agreements.new')
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
      {save.error && !conflict && <ErrorState error={save.error} />}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(id ? `/agreements/${id}` : '/agreements')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
