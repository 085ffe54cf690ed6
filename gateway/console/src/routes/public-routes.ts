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
  {
    path: '/complaints/new',
    name: 'complaint',
    component: () => import('../pages/public/ComplaintPage.vue'),
    meta: { title: '我要投诉', menu: '公开服务', order: 3 },
  },
  {
    path: '/complaints/follow',
    name: 'complaint-follow',
    component: () => import('../pages/public/ComplaintFollowPage.vue'),
    meta: { title: '投诉查询', menu: '公开服务', order: 4 },
  },
  {
    path: '/barometer',
    name: 'barometer',
    component: () => import('../pages/public/BarometerPage.vue'),
    meta: { title: '满意度晴雨表', menu: '公开服务', order: 5 },
  },
];
