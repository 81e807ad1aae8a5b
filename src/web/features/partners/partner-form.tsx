import { Card, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../components/country-select';
import { FormActions } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { ContactsEditor } from './contacts-editor';
import { IdentifiersEditor } from './identifiers-editor';
import { useOrganisationTypeOptions } from './partner-filters';
import type { PartnerFormValues } from './partner-form-values';
import { PartnerPicker } from './partner-picker';

interface Props {
  form: UseFormReturnType<PartnerFormValues>;
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  onCancel: () => void;
  partnerId?: string;
  knownNetworks?: { id: string; names: Record<string, string> }[];
}

export function PartnerForm({ form, onSubmit, saving, onCancel, partnerId, knownNetworks }: Props) {
  const { t } = useTranslation();
  const types = useOrganisationTypeOptions();
  const values = form.getValues();
  const namesError = form.errors.names ?? form.errors['names.en'];

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <LocalizedTextEditor
          legend={t('partners.names')}
          value={values.names}
          onChange={(v) => form.setFieldValue('names', v)}
          required={['en']}
          error={namesError}
        />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('partners.nativeName')} dir="auto" {...form.getInputProps('nativeName')} />
            <CountrySelect
              label={t('partners.country')}
              required
              {...form.getInputProps('country')}
              value={values.country || null}
              onChange={(v) => form.setFieldValue('country', v ?? '')}
            />
            <TextInput label={t('partners.city')} {...form.getInputProps('city')} />
            <Select
              label={t('partners.type')}
              required
              searchable
              data={types}
              {...form.getInputProps('type')}
              value={values.type || null}
              onChange={(v) => form.setFieldValue('type', v ?? '')}
            />
            <TextInput
              label={t('partners.website')}
              type="url"
              dir="ltr"
              placeholder="https://"
              {...form.getInputProps('website')}
            />
            <TagsInput
              label={t('partners.tags')}
              description={t('partners.tagsHint')}
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <PartnerPicker
            mt="sm"
            label={t('partners.networks')}
            description={t('partners.networksHint')}
            value={values.networkIds}
            onChange={(ids) => form.setFieldValue('networkIds', ids)}
            known={knownNetworks}
            excludeId={partnerId}
            error={form.errors.networkIds}
          />
        </Card>
        <IdentifiersEditor form={form} />
        <ContactsEditor form={form} />
        <Textarea
          label={t('partners.notes')}
          autosize
          minRows={3}
          dir="auto"
          {...form.getInputProps('notes')}
        />
        <FormActions saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
