// Reading a route again and again while a page shows it: the capacity figures, a service's queue.
import { useEffect } from 'preact/hooks';
import { api, type ApiResult } from './client.ts';

/**
 * GETs `path` now, then `everyMs` after each answer (never two at once), until the page leaves or `path`
 * or a key changes; nothing while `path` is undefined.
 *
 * @example usePoll<ServiceQueue>(`/admin/api/campaigns/7/queue?day=${day}&service=dental`, 5000, (a) => a.ok && setQueue(a.data), [tick]);
 */
export function usePoll<T>(path: string | undefined, everyMs: number, onAnswer: (answer: ApiResult<T>) => void, keys: readonly unknown[] = []): void {
  useEffect(() => {
    if (!path) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const answer = await api<T>('GET', path);
      if (stopped) return;
      onAnswer(answer);
      timer = setTimeout(() => void poll(), everyMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [path, everyMs, ...keys]);
}
