import { useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { HubMember } from '../../../common/schemas/hub.ts';
import { isApiError } from '../../api/client.ts';
import { useEndMember } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field } from '../Field.tsx';
import { localIsoDate } from '../format.ts';
import { Notice } from '../Notice.tsx';
import { hubErrorText } from './HubError.tsx';
import { PersonPicker, type Person } from './PersonPicker.tsx';

interface EndMemberDialogProps {
  childId: string;
  member: HubMember;
  /** Everyone with an open place in the hub: not offered as a replacement. */
  memberUserIds: readonly string[];
  onEnded: (message: string) => void;
}

/**
 * Ends a membership after asking. The server refuses to end the last member
 * of a core role without a replacement or an explicit confirmation; that
 * answer is shown here in full, with both ways forward.
 */
export function EndMemberDialog({ childId, member, memberUserIds, onEnded }: EndMemberDialogProps) {
  const { t } = useTranslation();
  const end = useEndMember(childId);
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [endsOn, setEndsOn] = useState('');
  const [replacement, setReplacement] = useState<Person | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [dateMissing, setDateMissing] = useState(false);
  const lastCore = isApiError(end.error, 'last_core_member');
  const role = t(`hubRole.${member.hubRole}`);

  const openChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      end.reset();
      setWhen('now');
      setEndsOn('');
      setReplacement(null);
      setConfirmEmpty(false);
      setDateMissing(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDateMissing(when === 'later' && !endsOn);
    if (when === 'later' && !endsOn) return;
    end.mutate(
      {
        memberId: member.memberId,
        body: {
          ...(when === 'later' ? { endsOn } : {}),
          ...(replacement ? { replacementUserId: replacement.userId } : {}),
          ...(lastCore && confirmEmpty && !replacement ? { confirm: true } : {}),
        },
      },
      {
        onSuccess: (result) => {
          openChange(false);
          onEnded(
            result.replacement
              ? t('hub.end.doneReplaced', { name: member.displayName, replacement: result.replacement.displayName })
              : t('hub.end.done', { name: member.displayName }),
          );
        },
      },
    );
  };

  return (
    <>
      <Button className="button button--secondary" onPress={() => setOpen(true)}>
        {t('hub.end.trigger')}
        <span className="visually-hidden"> {member.displayName}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable isOpen={open} onOpenChange={openChange}>
        <Modal className="modal hub-modal">
          <Dialog role="alertdialog" className="dialog">
            <Heading slot="title" className="dialog__title">
              {t('hub.end.title', { name: member.displayName })}
            </Heading>
            <form onSubmit={submit} noValidate className="hub-dialog-form">
              <p>{t('hub.end.body', { name: member.displayName, role })}</p>
              {/* One live region for both: the last-core rule is a warning with a way forward, not a failure. */}
              <div role="alert" aria-live="assertive">
                {lastCore ? (
                  <Notice kind="warning" title={t('hub.end.lastCoreTitle', { role })}>
                    <p>{t('hub.end.lastCoreBody', { name: member.displayName, role })}</p>
                  </Notice>
                ) : end.error ? (
                  <Notice kind="error" title={t('errors.title')}>
                    <p>{hubErrorText(t, end.error)}</p>
                  </Notice>
                ) : null}
              </div>
              <fieldset className="fieldset">
                <legend>{t('hub.end.when')}</legend>
                <label className="checkbox">
                  <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
                  {t('hub.end.now')}
                </label>
                <label className="checkbox">
                  <input type="radio" name="when" checked={when === 'later'} onChange={() => setWhen('later')} />
                  {t('hub.end.later')}
                </label>
              </fieldset>
              {when === 'later' ? (
                <Field
                  label={t('hub.end.lastDay')}
                  type="date"
                  value={endsOn}
                  min={localIsoDate()}
                  onChange={(e) => setEndsOn(e.target.value)}
                  error={dateMissing || fieldIssue(end.error, 'endsOn') ? t('hub.end.errors.lastDay') : null}
                />
              ) : null}
              <PersonPicker
                label={t('hub.end.replacement')}
                hint={t('hub.end.replacementHint', { role })}
                value={replacement?.userId ?? ''}
                onChange={setReplacement}
                excludeUserIds={memberUserIds}
                hubRole={member.hubRole}
                error={!lastCore && fieldIssue(end.error, 'replacementUserId') ? t('hub.end.errors.replacement') : null}
              />
              {lastCore && !replacement ? (
                <label className="checkbox">
                  <input type="checkbox" checked={confirmEmpty} onChange={(e) => setConfirmEmpty(e.target.checked)} />
                  {t('hub.end.confirmEmpty', { role })}
                </label>
              ) : null}
              <div className="dialog__actions">
                <Button className="button button--secondary" onPress={() => openChange(false)} autoFocus>
                  {t('common.cancel')}
                </Button>
                <button
                  type="submit"
                  className="button button--danger"
                  disabled={end.isPending || (lastCore && !replacement && !confirmEmpty)}
                >
                  {end.isPending ? t('hub.saving') : t('hub.end.confirm')}
                </button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
