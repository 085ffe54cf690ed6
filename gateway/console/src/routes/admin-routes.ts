import type { RouteRecordRaw } from 'vue-router';

/** The admin's pages (menu group 管理); each needs a signed-in ADMIN. */
export const adminRoutes: RouteRecordRaw[] = [];
