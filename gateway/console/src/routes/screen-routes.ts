import type { RouteRecordRaw } from 'vue-router';

/** The big screen (大屏): full-screen pages for leaders, inspectors and screen accounts. */
export const screenRoutes: RouteRecordRaw[] = [];
