import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient, Providers } from './app/providers';
import { router } from './app/router';
import { initI18n } from './i18n';

async function start() {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) {
    throw new Error('#root missing');
  }
  const client = createQueryClient();
  createRoot(root).render(
    <StrictMode>
      <Providers client={client}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

void start();
