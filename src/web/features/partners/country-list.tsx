import { Badge, Button, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatNumber } from '../../lib/format';

interface Props {
  counts: { country: string; count: number }[];
  selected?: string;
  onSelect: (country: string) => void;
}

/**
 * The text alternative to the world map: every country with partners, most partners first, as toggle
 * buttons that filter the list like a click on the map.
 */
export function CountryList({ counts, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const collator = new Intl.Collator(locale);
  const rows = counts
    .filter((c) => c.count > 0)
    .map((c) => ({ ...c, name: countryName(c.country, locale) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));

  return (
    <section aria-labelledby={headingId}>
      <Text id={headingId} component="h3" size="sm" fw={600} mt="xs" mb={4}>
        {t('partners.map.listTitle')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partners.map.none')}
        </Text>
      ) : (
        <Group
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-describedby={`${headingId}-hint`}
        >
          {rows.map((c) => {
            const pressed = c.country === selected;
            return (
              <li key={c.country}>
                <Button
                  size="compact-sm"
                  variant={pressed ? 'filled' : 'default'}
                  aria-pressed={pressed}
                  onClick={() => onSelect(pressed ? '' : c.country)}
                  rightSection={
                    <Badge size="sm" variant={pressed ? 'white' : 'light'} circle={c.count < 10}>
                      {formatNumber(c.count, locale)}
                    </Badge>
                  }
                >
                  {c.name}
                </Button>
              </li>
            );
          })}
        </Group>
      )}
      {rows.length > 0 && (
        <Text id={`${headingId}-hint`} size="xs" c="dimmed" mt={4}>
          {t('partners.map.listHint')}
        </Text>
      )}
    </section>
  );
}
