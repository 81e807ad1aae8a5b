import { ActionIcon, Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_SCHEMES } from '../../../contracts/partners.js';
import type { PartnerFormValues } from './partner-form-values';

export function IdentifiersEditor({ form }: { form: UseFormReturnType<PartnerFormValues> }) {
  const { t } = useTranslation();
  const schemes = IDENTIFIER_SCHEMES.map((s) => ({ value: s, label: t(`partners.schemes.${s}`) }));
  return (
    <Fieldset legend={t('partners.identifiers')}>
      <Stack gap="xs">
        {form.getValues().identifiers.map((_, i) => (
          <Group key={form.key(`identifiers.${i}`)} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('partners.scheme')}
              data={schemes}
              allowDeselect={false}
              w={200}
              {...form.getInputProps(`identifiers.${i}.scheme`)}
            />
            <TextInput
              label={t('partners.identifierValue')}
              dir="ltr"
              style={{ flex: 1 }}
              {...form.getInputProps(`identifiers.${i}.value`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              aria-label={t('partners.removeIdentifier', { index: i + 1 })}
              onClick={() => form.removeListItem('identifiers', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('identifiers', { scheme: 'iati', value: '' })}
          >
            {t('partners.addIdentifier')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
