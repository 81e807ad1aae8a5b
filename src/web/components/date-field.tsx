import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { formatDate } from '../lib/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar-date input whose value is always `YYYY-MM-DD` (the wire format). It is the browser's own date
 * input, given the app language through `lang` for browsers that honour it. Chromium draws the digits in
 * the browser's own order (e.g. mm/dd/yyyy) whatever `lang` says, so the chosen date is also spelt out
 * below the field in the app language ("1 mars 2026"), which removes any day/month ambiguity.
 */
export function DateField(props: Omit<TextInputProps, 'type'>) {
  const { i18n } = useTranslation();
  const value = typeof props.value === 'string' ? props.value : '';
  const spelled = ISO_DATE.test(value) ? formatDate(value, currentLocale()) : undefined;
  return (
    <TextInput
      type="date"
      lang={i18n.language}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
      description={props.description ?? (props.error ? undefined : spelled)}
    />
  );
}
