import { Fieldset, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_LABELS, LOCALES } from '../i18n';

interface Props {
  legend: string;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  /** Locales that must be filled (shown as required). */
  required?: string[];
  /** Error for the whole map (e.g. at_least_one_language / english_name_required). */
  error?: ReactNode;
  multiline?: boolean;
}

/** One input per UI language for a LocalizedText map; Arabic inputs are right-to-left. */
export function LocalizedTextEditor({ legend, value, onChange, required = [], error, multiline }: Props) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {LOCALES.map((l, i) => (
          <Input
            key={l}
            label={t('common.inLanguage', { language: LOCALE_LABELS[l] })}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'auto'}
            required={required.includes(l)}
            value={value[l] ?? ''}
            error={i === 0 ? error : undefined}
            onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

/** Drop empty entries before sending a LocalizedText map to the server. */
export function compactLocalized(value: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v.trim().length > 0));
}
