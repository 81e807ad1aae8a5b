import { ActionIcon, Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { type AgreementFormValues, OWN_PARTY } from './agreement-form-values';

interface Props {
  form: UseFormReturnType<AgreementFormValues>;
  /** The partners chosen for the agreement: the parties a signatory can represent. */
  parties: { value: string; label: string }[];
}

export function SignatoriesEditor({ form, parties }: Props) {
  const { t } = useTranslation();
  const data = [{ value: OWN_PARTY, label: t('agreements.ownOrganization') }, ...parties];
  return (
    <Fieldset legend={t('agreements.signatories.title')}>
      <Stack gap="xs">
        {form.getValues().signatories.map((_, i) => (
          <Group key={form.key(`signatories.${i}`)} align="flex-end" gap="xs">
            <TextInput
              label={t('agreements.signatories.name')}
              required
              dir="auto"
              w={200}
              {...form.getInputProps(`signatories.${i}.name`)}
            />
            <TextInput
              label={t('agreements.signatories.titleField')}
              w={180}
              {...form.getInputProps(`signatories.${i}.title`)}
            />
            <Select
              label={t('agreements.signatories.party')}
              data={data}
              allowDeselect={false}
              w={220}
              {...form.getInputProps(`signatories.${i}.partyId`)}
            />
            <DateField
              label={t('agreements.signatories.signedOn')}
              w={170}
              {...form.getInputProps(`signatories.${i}.signedOn`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              aria-label={t('agreements.signatories.remove', { index: i + 1 })}
              onClick={() => form.removeListItem('signatories', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              form.insertListItem('signatories', { name: '', title: '', partyId: OWN_PARTY, signedOn: '' })
            }
          >
            {t('agreements.signatories.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
