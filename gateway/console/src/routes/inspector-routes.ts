import type { RouteRecordRaw } from 'vue-router';

/** The inspector's pages (menu group 监察); each needs a signed-in INSPECTOR. */
export const inspectorRoutes: RouteRecordRaw[] = [];
