import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

let nextId = 0;

/**
 * A modal <dialog> that asks before something cannot be undone. Cancel has the focus first, so
 * Enter or Escape straight away never confirms.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busy = false, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useRef(`confirm-${++nextId}`).current;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault(); // Escape: closed by `open`, so the state never disagrees
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div class="dialog-actions">
        <button type="button" ref={cancelRef} onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="button" class="danger" onClick={onConfirm} disabled={busy}>
          {busy ? t('dialogWorking') : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
