import type { RouteRecordRaw } from 'vue-router';

/** Pages anyone may open without signing in. */
export const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/catalog',
    name: 'catalog',
    component: () => import('../pages/CatalogPage.vue'),
    meta: { title: '权力清单', menu: '公开服务', order: 1 },
  },
  {
    path: '/powers/:id',
    name: 'power',
    component: () => import('../pages/PowerPage.vue'),
    props: true,
    meta: { title: '权力事项' },
  },
  {
    path: '/progress',
    name: 'progress',
    component: () => import('../pages/ProgressPage.vue'),
    meta: { title: '办件动态', menu: '公开服务', order: 2 },
  },
];
