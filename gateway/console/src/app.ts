import AppShell from './components/AppShell.vue';

/** The root component: the shell with header, navigation and the routed page. */
export const App = AppShell;
