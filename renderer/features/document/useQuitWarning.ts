import { useEffect } from 'react';

/**
 * While anything typed is not stored (waiting, being saved, or failing and retried), closing the window asks
 * first: the page cancels its unload, and main (will-prevent-unload) asks the editor whether to quit anyway.
 */
export function useQuitWarning(hasUnsaved: () => boolean): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent): void => {
      if (!hasUnsaved()) return;
      event.preventDefault();
      // Chromium still wants returnValue set to show its prompt (and Electron to emit will-prevent-unload).
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);
}
