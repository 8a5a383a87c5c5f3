import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  /** The text of the button that opens the dialog. */
  trigger: string;
  title: string;
  body: string;
  confirm: string;
  onConfirm: () => void;
  triggerClassName?: string;
}

/**
 * Asks before an action that cannot be undone. React Aria traps focus inside,
 * closes on Escape and gives focus back to the trigger afterwards.
 */
export function ConfirmDialog({ trigger, title, body, confirm, onConfirm, triggerClassName }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={triggerClassName ?? 'button button--quiet'}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <p>{body}</p>
                <div className="dialog__actions">
                  <Button className="button button--secondary" onPress={close} autoFocus>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    className="button button--danger"
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirm}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

interface ConfirmModalProps {
  isOpen: boolean;
  onCancel: () => void;
  title: string;
  /** What will happen, and who will be told; one paragraph each. */
  body: string[];
  confirm: string;
  onConfirm: () => void;
  /** `danger` for what cannot be undone (ending); `primary` for a weighty but wanted step (adopting). */
  tone?: 'danger' | 'primary';
}

/**
 * The same question as ConfirmDialog, opened by the page itself, e.g. after a form has
 * passed its own checks, so the user confirms exactly what they filled in.
 */
export function ConfirmModal({
  isOpen,
  onCancel,
  title,
  body,
  confirm,
  onConfirm,
  tone = 'danger',
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {body.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={onCancel} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button className={tone === 'danger' ? 'button button--danger' : 'button'} onPress={onConfirm}>
              {confirm}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
