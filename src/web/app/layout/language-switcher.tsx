import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSessionQuery, useUpdateProfile } from '../../features/auth/api';
import { currentLocale, LOCALE_LABELS, LOCALES, type Locale, setLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';

/** Switches the UI language; when signed in, also stores it in the user's profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const profile = useUpdateProfile();
  const active = currentLocale();

  async function choose(locale: Locale) {
    await setLocale(locale);
    if (session.data && session.data.user.locale !== locale) {
      profile.mutate(
        { locale },
        { onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }) },
      );
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          aria-label={t('app.language', { language: LOCALE_LABELS[active] })}
        >
          {LOCALE_LABELS[active]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            onClick={() => void choose(l)}
            aria-current={l === active ? 'true' : undefined}
            fw={l === active ? 700 : undefined}
          >
            {LOCALE_LABELS[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
