import { createApp } from 'vue';
import { provideGlobalConfig } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { App } from './app';
import { router } from './router';

// Element Plus components are imported where templates use them (vite.config.ts), not installed
// whole. Its configuration is still app-wide as `app.use(ElementPlus, { locale })` made it: the
// zh-CN locale is provided to every component of the app and kept as Element Plus's global
// config, which ElMessage / ElMessageBox (imported by hand, rendered outside the app) read.
const app = createApp(App);
provideGlobalConfig({ locale: zhCn }, app, true);
app.use(router).mount('#app');
