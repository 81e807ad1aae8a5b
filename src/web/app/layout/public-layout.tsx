import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from './language-switcher';

/** Sign-in, password reset and invitation pages: a centred card with the language switcher. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Center component="main" px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
          <Stack>
            <Title order={1} size="h3">
              {t('app.tagline')}
            </Title>
            <Outlet />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
