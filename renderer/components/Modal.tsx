import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import { returnFocus } from '../lib/focusReturn';
import { keepTabInside, topModal } from '../lib/focusTrap';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  /** For side-by-side content (an alignment): nearly the whole window. */
  wide?: boolean;
  /** A click beside the dialog closes it, unless closing means something (cancelling an import). */
  closeOnBackdrop?: boolean;
  /** The scrolling body, for content that draws only what is in view (a virtualized list). */
  bodyRef?: Ref<HTMLDivElement>;
  /** False for a dialog that only its own buttons may end (a write's progress): no close button, Escape does nothing. */
  closable?: boolean;
  /** Said above the body, outside its scrolling (a doubt about what the dialog would do). */
  notice?: ReactNode;
}

/** A dialog over the window: Escape or the close button dismiss it; focus moves into it, stays in it, and back out after. */
export function Modal({ title, onClose, children, footer, wide = false, closeOnBackdrop = true, bodyRef, closable = true, notice }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest close, for the page-wide key listener set up once.
  const close = useRef(closable ? onClose : null);
  useEffect(() => {
    close.current = closable ? onClose : null;
  });
  useEffect(() => {
    // A field inside may have taken focus already (autoFocus); otherwise the dialog itself takes it.
    if (ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
    // Tab stays in the topmost dialog, even once focus has fallen out of it to the page (a click beside it), and
    // Escape still closes it from there.
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = ref.current;
      if (!dialog || topModal(document) !== dialog) return;
      keepTabInside(event, dialog);
      const outside = !dialog.contains(document.activeElement);
      if (event.key === 'Escape' && outside && !event.defaultPrevented && close.current) {
        event.preventDefault();
        close.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    // Closed, it gives the keyboard back to where the editor was.
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      returnFocus();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => closeOnBackdrop && event.target === event.currentTarget && onClose()}>
      <div
        className={wide ? 'modal modal-wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        ref={ref}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && closable) onClose();
        }}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          {closable && (
            <button type="button" className="button-quiet" onClick={onClose} aria-label="Close">
              ×
            </button>
          )}
        </header>
        {notice}
        <div className="modal-body" ref={bodyRef}>
          {children}
        </div>
        <footer className="modal-footer">{footer}</footer>
      </div>
    </div>
  );
}
