import type { RouteRecordRaw } from 'vue-router';

/** The admin's pages (menu group 管理); each needs a signed-in ADMIN. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/powers',
    name: 'admin-powers',
    component: () => import('../pages/admin/AdminPowersPage.vue'),
    meta: { title: '事项管理', roles: ['ADMIN'], menu: '管理', order: 1 },
  },
  {
    path: '/admin/powers/:id',
    name: 'admin-power',
    component: () => import('../pages/admin/AdminPowerPage.vue'),
    props: true,
    meta: { title: '编辑权力事项', roles: ['ADMIN'] },
  },
  {
    path: '/admin/accounts',
    name: 'admin-accounts',
    component: () => import('../pages/admin/AdminAccountsPage.vue'),
    meta: { title: '账号管理', roles: ['ADMIN'], menu: '管理', order: 2 },
  },
];
