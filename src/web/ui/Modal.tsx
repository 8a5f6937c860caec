import { useRef, useState, type ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import { DiscardDialog, formChanged } from './unsaved.js';

/**
 * An accessible dialog: focus is trapped and restored, Escape or a click outside closes it. When
 * something typed in it is not saved (a form in it changed, or `dirty` says so), closing that way
 * asks "Discard what you typed?" first. A form's own Cancel asks through `useUnsavedChanges`.
 */
export function Modal({
  title,
  isOpen,
  onClose,
  children,
  dirty,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Unsaved text the forms in the dialog cannot show (fields held in state); by default the forms are read. */
  dirty?: boolean;
}) {
  const dialog = useRef<HTMLElement>(null);
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (dirty ?? formChanged(dialog.current)) setAsking(true);
    else onClose();
  };
  return (
    <>
      <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => (open ? undefined : requestClose())} isDismissable>
        <AriaModal className="modal">
          <Dialog className="dialog" ref={dialog}>
            <Heading slot="title">{title}</Heading>
            {children}
          </Dialog>
        </AriaModal>
      </ModalOverlay>
      <DiscardDialog
        isOpen={isOpen && asking}
        onKeep={() => setAsking(false)}
        onDiscard={() => {
          setAsking(false);
          onClose();
        }}
      />
    </>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  isOpen,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  isOpen: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title={title} isOpen={isOpen} onClose={onClose}>
      <p>{message}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          Keep it
        </button>
      </div>
    </Modal>
  );
}
