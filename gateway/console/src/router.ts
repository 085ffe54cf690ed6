import { createRouter, createWebHistory } from 'vue-router';

/** Client routes; the gateway answers every non-API path with index.html, so deep links work. */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/catalog' },
    {
      path: '/catalog',
      name: 'catalog',
      component: () => import('./pages/CatalogPage.vue'),
      meta: { title: '权力清单' },
    },
    {
      path: '/powers/:id',
      name: 'power',
      component: () => import('./pages/PowerPage.vue'),
      props: true,
      meta: { title: '权力事项' },
    },
    {
      path: '/progress',
      name: 'progress',
      component: () => import('./pages/ProgressPage.vue'),
      meta: { title: '办件动态' },
    },
    {
      path: '/:rest(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
});

router.afterEach((to) => {
  const title = typeof to.meta['title'] === 'string' ? to.meta['title'] : '';
  document.title = title ? `${title} - 阳光政务监督平台` : '阳光政务监督平台';
});
