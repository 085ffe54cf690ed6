import { ref, type Ref } from 'vue';
import { ApiError } from './graphql-client';

/** A loading/error/data triple for one request at a time; a newer run wins over an older one. */
export function useAsync<T>(): {
  data: Ref<T | undefined>;
  loading: Ref<boolean>;
  error: Ref<ApiError | undefined>;
  run: (load: () => Promise<T>) => Promise<void>;
} {
  const data = ref<T>();
  const loading = ref(false);
  const error = ref<ApiError>();
  let latest = 0;
  async function run(load: () => Promise<T>): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    error.value = undefined;
    try {
      const value = await load();
      if (mine === latest) data.value = value;
    } catch (e) {
      if (mine === latest) error.value = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR');
    } finally {
      if (mine === latest) loading.value = false;
    }
  }
  return { data: data as Ref<T | undefined>, loading, error, run };
}
