import type { RouteRecordRaw } from 'vue-router';

/** The clerk's pages (menu group 办件); each needs a signed-in CLERK. */
export const clerkRoutes: RouteRecordRaw[] = [];
