/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  // eslint-disable-next-line no-restricted-syntax -- how a .vue module is typed
  export default component;
}
