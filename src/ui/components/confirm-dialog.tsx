import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useModal } from './use-modal';
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModal(open, cancelRef);
  const id = useRef(`confirm-${++nextId}`).current;

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
