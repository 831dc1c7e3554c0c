import { useCallback, useState } from 'react';

/**
 * State remembered across sessions in the window's local storage (view preferences, not documents: those
 * live in the store). An unreadable or foreign value falls back to the default.
 */
export function useStoredState<T>(key: string, fallback: T, isValid: (value: unknown) => value is T) {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = window.localStorage.getItem(key);
      const parsed: unknown = raw === null ? null : JSON.parse(raw);
      return isValid(parsed) ? parsed : fallback;
    } catch {
      return fallback;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the choice still holds for this session.
      }
    },
    [key],
  );
  return [value, update] as const;
}
