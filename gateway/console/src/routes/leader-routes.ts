import type { RouteRecordRaw } from 'vue-router';

/** The leader's pages (menu group 领导); each needs a signed-in LEADER. */
export const leaderRoutes: RouteRecordRaw[] = [
  {
    path: '/leader/decisions',
    name: 'leader-decisions',
    component: () => import('../pages/leader/DecisionsPage.vue'),
    meta: { title: '待我决定', roles: ['LEADER'], menu: '领导', order: 1 },
  },
  {
    path: '/leader/notices',
    name: 'leader-notices',
    component: () => import('../pages/leader/NoticesPage.vue'),
    meta: { title: '整改通知', roles: ['LEADER'], menu: '领导', order: 2 },
  },
  {
    path: '/leader/notices/:id',
    name: 'leader-notice',
    component: () => import('../pages/leader/NoticePage.vue'),
    props: true,
    meta: { title: '整改通知', roles: ['LEADER'] },
  },
  {
    path: '/leader/figures',
    name: 'leader-figures',
    component: () => import('../pages/leader/FiguresPage.vue'),
    meta: { title: '辖区概况', roles: ['LEADER'], menu: '领导', order: 3 },
  },
];
