import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into dist/ and served by the gateway at `/` (same origin as /graphql: no CORS, no CSRF
// exposure). `npm run dev` proxies /graphql to a gateway on port 4000.
// eslint-disable-next-line no-restricted-syntax -- Vite reads the config's default export
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    // The console and the explorer (GraphiQL, served at GET /graphql in development only).
    rollupOptions: {
      input: { index: 'index.html', explorer: 'explorer.html' },
      // GraphiQL's dependencies carry React's "use client" directives, meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
});
