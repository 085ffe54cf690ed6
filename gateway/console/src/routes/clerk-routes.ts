import type { RouteRecordRaw } from 'vue-router';

/** The clerk's pages (menu group 办件); each needs a signed-in CLERK. */
export const clerkRoutes: RouteRecordRaw[] = [
  {
    path: '/clerk/cases',
    name: 'clerk-cases',
    component: () => import('../pages/clerk/ClerkCasesPage.vue'),
    meta: { title: '在办件', roles: ['CLERK'], menu: '办件', order: 1 },
  },
  {
    path: '/clerk/cases/new',
    name: 'clerk-file-case',
    component: () => import('../pages/clerk/FileCasePage.vue'),
    meta: { title: '受理登记', roles: ['CLERK'], menu: '办件', order: 2 },
  },
  {
    path: '/clerk/cases/:id',
    name: 'clerk-case',
    component: () => import('../pages/clerk/CaseDetailPage.vue'),
    props: true,
    meta: { title: '办件详情', roles: ['CLERK'] },
  },
];
