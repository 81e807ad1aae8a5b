import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS } from '../../../contracts/partners.js';
import { EMPTY_CONTACT, type PartnerFormValues } from './partner-form-values';

type Form = UseFormReturnType<PartnerFormValues>;

function LanguagesEditor({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation();
  const levels = CEFR_LEVELS.map((l) => ({
    value: l,
    label: l === 'native' ? t('partners.contacts.native') : l,
  }));
  const path = `contacts.${index}.languages` as const;
  const rows = form.getValues().contacts[index]?.languages ?? [];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('partners.contacts.languages')}
      </Text>
      {rows.map((_, j) => (
        <Group key={form.key(`${path}.${j}`)} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('partners.contacts.languageCode')}
            placeholder="fr"
            dir="ltr"
            w={140}
            {...form.getInputProps(`${path}.${j}.language`)}
          />
          <Select
            label={t('partners.contacts.level')}
            data={levels}
            allowDeselect={false}
            w={150}
            {...form.getInputProps(`${path}.${j}.level`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('partners.contacts.removeLanguage', { index: j + 1 })}
            onClick={() => form.removeListItem(path, j)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => form.insertListItem(path, { language: '', level: 'B2' })}
        >
          {t('partners.contacts.addLanguage')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Add, edit and remove contact persons (native and Latin names, languages with CEFR level). */
export function ContactsEditor({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('partners.contacts.title')}>
      <Stack>
        {form.getValues().contacts.map((_, i) => (
          <Paper
            key={form.key(`contacts.${i}`)}
            withBorder
            p="sm"
            aria-label={t('partners.contacts.number', { index: i + 1 })}
            component="section"
          >
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('partners.contacts.number', { index: i + 1 })}</Text>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => form.removeListItem('contacts', i)}
              >
                {t('partners.contacts.remove', { index: i + 1 })}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <TextInput
                label={t('partners.contacts.nameNative')}
                dir="auto"
                {...form.getInputProps(`contacts.${i}.nameNative`)}
              />
              <TextInput
                label={t('partners.contacts.nameLatin')}
                required
                {...form.getInputProps(`contacts.${i}.nameLatin`)}
              />
              <TextInput
                label={t('partners.contacts.position')}
                {...form.getInputProps(`contacts.${i}.position`)}
              />
              <TextInput
                label={t('partners.contacts.email')}
                type="email"
                dir="ltr"
                {...form.getInputProps(`contacts.${i}.email`)}
              />
              <TextInput
                label={t('partners.contacts.phone')}
                type="tel"
                dir="ltr"
                {...form.getInputProps(`contacts.${i}.phone`)}
              />
            </SimpleGrid>
            <LanguagesEditor form={form} index={i} />
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => form.insertListItem('contacts', { ...EMPTY_CONTACT, languages: [] })}
          >
            {t('partners.contacts.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
