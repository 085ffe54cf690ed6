import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { HOME_OF } from './routes/route-meta';
import { publicRoutes } from './routes/public-routes';
import { clerkRoutes } from './routes/clerk-routes';
import { leaderRoutes } from './routes/leader-routes';
import { inspectorRoutes } from './routes/inspector-routes';
import { adminRoutes } from './routes/admin-routes';
import { screenRoutes } from './routes/screen-routes';
import { restoreSession, session } from './session/session';

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => (session.account ? HOME_OF[session.account.role] : '/catalog') },
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/SignInPage.vue'),
    meta: { title: '登录' },
  },
  ...publicRoutes,
  ...clerkRoutes,
  ...leaderRoutes,
  ...inspectorRoutes,
  ...adminRoutes,
  ...screenRoutes,
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
];

/** Client routes; the gateway answers every non-API path with index.html, so deep links work. */
export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  await restoreSession();
  const roles = to.meta.roles;
  if (!roles) return true;
  if (!session.account) return { name: 'login', query: { next: to.fullPath } };
  if (session.mustChangePassword) return { name: 'login', query: { next: to.fullPath } };
  if (!roles.includes(session.account.role)) return HOME_OF[session.account.role];
  return true;
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : '';
  document.title = title ? `${title} - 阳光政务监督平台` : '阳光政务监督平台';
});
