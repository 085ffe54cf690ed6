import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { precompress } from './build/precompress.ts';

// Built into dist/ and served by the gateway at `/` (same origin as /graphql: no CORS, no CSRF
// exposure). `npm run dev` proxies /graphql to a gateway on port 4000.
// eslint-disable-next-line no-restricted-syntax -- Vite reads the config's default export
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each `<el-*>` tag (and v-loading, v-popover, v-infinite-scroll) in a
    // template is imported from element-plus/es where it is used, so a page's chunk carries only
    // its own components instead of the whole library in index.js. Styles stay the one full
    // element-plus/dist/index.css imported by main.ts (ElMessage, ElMessageBox imported by hand are
    // styled too). Only Element Plus is resolved (dirs: []): the console's own components are still
    // imported explicitly; no generated .d.ts.
    Components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: false })] }),
    precompress('dist'),
  ],
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
