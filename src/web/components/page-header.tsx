import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {typeof subtitle === 'string' ? <Text c="dimmed">{subtitle}</Text> : subtitle}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
