import type { RouteRecordRaw } from 'vue-router';

/** The leader's pages (menu group 领导); each needs a signed-in LEADER. */
export const leaderRoutes: RouteRecordRaw[] = [];
