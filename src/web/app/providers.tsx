import { DirectionProvider, MantineProvider, mergeThemeOverrides, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY } from '../features/auth/api';
import { directionOf } from '../i18n';
import { ApiError } from '../lib/api';
import { cssVariablesResolver, theme } from './theme';

function onUnauthenticated(error: unknown, client: QueryClient) {
  if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
    client.setQueryData(SESSION_KEY, null);
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => onUnauthenticated(e, client) }),
    mutationCache: new MutationCache({ onError: (e) => onUnauthenticated(e, client) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

/** Keeps Mantine's direction in step with the language (Arabic is right-to-left). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = directionOf(i18n.language);
  useEffect(() => {
    setDirection(dir);
  }, [dir, setDirection]);
  return null;
}

export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { i18n, t } = useTranslation();
  // Icon-only close buttons (notifications, clearable inputs) get a name in the UI language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes with the language
  const localizedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: { CloseButton: { defaultProps: { 'aria-label': t('common.close') } } },
      }),
    [t, i18n.language],
  );
  return (
    <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection>
      <DirectionSync />
      <MantineProvider
        theme={localizedTheme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
      >
        <Notifications position="top-center" />
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
