import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps a <dialog> shown as a modal exactly while `open` is true (the state decides, so Escape and
 * a re-render can never disagree with it): on opening, focus goes to `focus`; on closing, back to
 * `returnFocus` when given. Returns the ref to put on the <dialog>.
 */
export function useModal(open: boolean, focus: RefObject<HTMLElement | null>, returnFocus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      focus.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus?.current?.focus();
    }
  }, [open]);
  return dialogRef;
}
