import type { SessionAccount } from '../session/session';

export type ConsoleRole = SessionAccount['role'];

/** What a console route declares: its title, who may open it, and where it shows in the menu. */
declare module 'vue-router' {
  interface RouteMeta {
    /** The page title (document title and heading). */
    title?: string;
    /** Roles that may open the page; absent means public (no sign-in). */
    roles?: ConsoleRole[];
    /** The menu group the page is listed under; absent means not listed. */
    menu?: '公开服务' | '办件' | '领导' | '监察' | '管理' | '大屏';
    /** Its order within the menu group. */
    order?: number;
    /** 'bare': full-screen, without the header, menu and footer (the big screen). */
    layout?: 'bare';
  }
}

export const ALL_STAFF: ConsoleRole[] = ['CLERK', 'LEADER', 'INSPECTOR', 'ADMIN'];

/** Where each role lands after signing in. */
export const HOME_OF: Record<ConsoleRole, string> = {
  CLERK: '/clerk/cases',
  LEADER: '/leader/decisions',
  INSPECTOR: '/inspector/alerts',
  ADMIN: '/admin/powers',
  SCREEN: '/screen',
};
