import { useCallback, useEffect, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../core/ipc';
import { call, messageOf } from '../lib/desktop';

type ListChannel = 'memory.list' | 'glossary.list';

/** The rows of the fix memory or the glossary, loaded on mount and again on `load`; errors become notices. */
export function useTableRows<C extends ListChannel>(
  channel: C,
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void,
) {
  const [rows, setRows] = useState<ResponseOf<C> | null>(null);
  const onError = useCallback((error: unknown) => onNotice({ kind: 'error', message: messageOf(error) }), [onNotice]);
  const load = useCallback(
    () => void (call(channel, {} as RequestOf<C>) as Promise<ResponseOf<C>>).then(setRows, onError),
    [channel, onError],
  );
  useEffect(load, [load]);
  return { rows, load, onError };
}
