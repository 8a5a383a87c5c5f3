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
