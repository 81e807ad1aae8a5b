import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The web app lives in src/web and is built into dist/web, which the server serves. */
export default defineConfig({
  root: here('./src/web'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 500,
    rollupOptions: {
      output: {
        // Keep the big, rarely changing libraries in their own cacheable chunks.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) {
            return undefined;
          }
          if (id.includes('@mantine/dates') || id.includes('dayjs')) {
            return 'vendor-dates';
          }
          if (id.includes('@mantine')) {
            return 'vendor-mantine';
          }
          if (id.includes('d3-geo') || id.includes('topojson') || id.includes('d3-array')) {
            return 'vendor-map';
          }
          if (id.includes('i18n-iso-countries')) {
            return 'vendor-countries';
          }
          if (id.includes('i18next') || id.includes('intl-messageformat') || id.includes('@formatjs')) {
            return 'vendor-i18n';
          }
          if (id.includes('zod')) {
            return 'vendor-zod';
          }
          if (
            id.includes('react-router') ||
            id.includes('/react-dom/') ||
            id.includes('/react/') ||
            id.includes('scheduler')
          ) {
            return 'vendor-react';
          }
          if (id.includes('@tanstack')) {
            return 'vendor-query';
          }
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
