import type { RouteRecordRaw } from 'vue-router';

const INSPECTOR = { roles: ['INSPECTOR' as const], menu: '监察' as const };

/** The inspector's pages (menu group 监察); each needs a signed-in INSPECTOR. */
export const inspectorRoutes: RouteRecordRaw[] = [
  {
    path: '/inspector/alerts',
    name: 'inspector-alerts',
    component: () => import('../pages/inspector/AlertsPage.vue'),
    meta: { title: '实时预警', ...INSPECTOR, order: 1 },
  },
  {
    path: '/inspector/complaints',
    name: 'inspector-complaints',
    component: () => import('../pages/inspector/ComplaintsPage.vue'),
    meta: { title: '投诉处理', ...INSPECTOR, order: 2 },
  },
  {
    path: '/inspector/notices',
    name: 'inspector-notices',
    component: () => import('../pages/inspector/NoticesPage.vue'),
    meta: { title: '监察通知', ...INSPECTOR, order: 3 },
  },
  {
    path: '/inspector/campaigns',
    name: 'inspector-campaigns',
    component: () => import('../pages/inspector/CampaignsPage.vue'),
    meta: { title: '评议活动', ...INSPECTOR, order: 4 },
  },
];
