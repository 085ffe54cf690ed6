import type { RouteRecordRaw } from 'vue-router';

/** The big screen (大屏): full-screen pages for leaders, inspectors and screen accounts. */
export const screenRoutes: RouteRecordRaw[] = [
  {
    path: '/screen',
    name: 'screen',
    component: () => import('../pages/screen/ScreenPage.vue'),
    meta: { title: '监督大屏', layout: 'bare', roles: ['LEADER', 'INSPECTOR', 'SCREEN'], menu: '大屏', order: 1 },
  },
];
