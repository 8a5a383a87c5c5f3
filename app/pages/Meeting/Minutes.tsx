import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { useAmend, useMeeting, useSaveMinutes } from './api.ts';
import { MeetingErrorRegion } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

/** Quiet time after the last keystroke before the minutes save themselves. */
const AUTOSAVE_MS = 1500;

/**
 * The minutes, typed during the meeting by any participant. They save themselves a moment after
 * typing stops (and on the button). Each save names
 * the version it started from; if someone saved in between, the server
 * refuses and the editor sees both texts and chooses: nobody's text is lost.
 * After closing, the minutes stand and additions are amendments.
 */
export function Minutes({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const save = useSaveMinutes(m.id);
  const refetch = useMeeting(m.id).refetch;
  const [draft, setDraft] = useState(m.minutes.text);
  const [base, setBase] = useState({ text: m.minutes.text, version: m.minutes.version });
  const [conflict, setConflict] = useState(false);
  const dirty = draft !== base.text;
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // Someone else saved and this editor has no changes of its own: show their text.
  useEffect(() => {
    if (!dirty && !conflict && m.minutes.version > base.version) {
      setDraft(m.minutes.text);
      setBase({ text: m.minutes.text, version: m.minutes.version });
    }
  }, [m.minutes.text, m.minutes.version, dirty, conflict, base.version]);

  const write = (announce: boolean) => {
    const text = draftRef.current;
    save.mutate(
      { text, version: base.version },
      {
        onSuccess: (minutes) => {
          setBase({ text: minutes.text, version: minutes.version });
          setConflict(false);
          setSavedAt(minutes.updatedAt ?? new Date().toISOString());
          if (announce) onSaved(t('meetings.minutes.saved'));
        },
        onError: (err) => {
          if (isApiError(err, 'minutes_conflict')) {
            setConflict(true);
            void refetch();
          }
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!save.isPending) write(true);
  };
  // Autosave: one save after typing pauses, never two at once (the second would meet its own 409),
  // and never over a conflict, which the user resolves first; a 409 keeps the text in the editor.
  const canWrite = m.abilities.write && m.status !== 'closed' && m.status !== 'cancelled';
  useEffect(() => {
    if (!canWrite || !dirty || conflict || save.isPending) return;
    const timer = setTimeout(() => write(false), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // `write` reads the latest draft through a ref; the effect restarts on each change of the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, dirty, conflict, save.isPending, canWrite]);
  const resolve = (keep: 'both' | 'theirs') => {
    const theirs = m.minutes.text;
    setDraft(keep === 'both' ? `${theirs}${theirs && draft ? '\n\n' : ''}${draft}` : theirs);
    setBase({ text: theirs, version: m.minutes.version });
    setConflict(false);
    save.reset();
  };

  if (m.status === 'closed' || m.status === 'cancelled') return <ClosedMinutes meeting={m} onSaved={onSaved} />;

  return (
    <section className="panel hub-section" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('meetings.minutes.title')}</h2>
      <PrintButton />
      {m.minutes.updatedBy && m.minutes.updatedAt ? (
        <p className="hub-muted hub-small">
          {t('meetings.minutes.lastSaved', {
            name: m.minutes.updatedBy.displayName,
            at: formatDateTime(m.minutes.updatedAt),
          })}
        </p>
      ) : null}
      <MeetingErrorRegion error={conflict ? null : save.error} />
      {conflict ? (
        <Notice kind="warning" title={t('meetings.minutes.conflictTitle')}>
          <p>{t('meetings.minutes.conflictBody', { name: m.minutes.updatedBy?.displayName ?? '' })}</p>
          <h3>{t('meetings.minutes.theirs')}</h3>
          <pre className="mtg-text">{m.minutes.text}</pre>
          <div className="hub-actions">
            <button type="button" className="button" onClick={() => resolve('both')}>
              {t('meetings.minutes.keepBoth')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => resolve('theirs')}>
              {t('meetings.minutes.useTheirs')}
            </button>
          </div>
        </Notice>
      ) : null}
      {m.abilities.write ? (
        <form className="form" onSubmit={submit} noValidate>
          <TextAreaField
            label={conflict ? t('meetings.minutes.yours') : t('meetings.minutes.field')}
            hint={t('meetings.minutes.hint')}
            rows={12}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <p role="status" className="hub-muted hub-small mtg-autosave">
            {save.isPending
              ? t('everyday.minutes.saving')
              : dirty
                ? t('everyday.minutes.unsaved')
                : savedAt
                  ? t('everyday.minutes.savedAt', { time: formatDateTime(savedAt) })
                  : t('everyday.minutes.autosaveHint')}
          </p>
          <button type="submit" className="button" disabled={save.isPending || conflict}>
            {save.isPending ? t('meetings.saving') : t('meetings.minutes.save')}
          </button>
        </form>
      ) : (
        <pre className="mtg-text">{m.minutes.text || t('meetings.minutes.empty')}</pre>
      )}
    </section>
  );
}

function ClosedMinutes({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const amend = useAmend(m.id);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    amend.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        onSaved(t('meetings.minutes.amended'));
      },
    });
  };
  return (
    <section className="panel hub-section" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('meetings.minutes.title')}</h2>
      <PrintButton />
      <pre className="mtg-text">{m.minutes.text || t('meetings.minutes.empty')}</pre>
      {m.amendments.length > 0 ? (
        <>
          <h3>{t('meetings.minutes.amendments')}</h3>
          <ul className="mtg-list">
            {m.amendments.map((a) => (
              <li key={a.id}>
                <p className="hub-muted hub-small">
                  {t('meetings.minutes.amendedBy', { name: a.author.displayName, at: formatDateTime(a.createdAt) })}
                </p>
                <pre className="mtg-text">{a.text}</pre>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.abilities.amend ? (
        <form className="form hub-form" onSubmit={submit} noValidate>
          <MeetingErrorRegion error={amend.error} />
          <TextAreaField
            label={t('meetings.minutes.amend')}
            hint={t('meetings.minutes.amendHint')}
            rows={3}
            maxLength={10000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={missing ? t('meetings.minutes.amendMissing') : null}
          />
          <button type="submit" className="button button--secondary" disabled={amend.isPending}>
            {t('meetings.minutes.amendSubmit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Prints the meeting page; the print stylesheet (meetings.css) leaves out the navigation and the forms. */
function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet mtg-print" onClick={() => window.print()}>
      {t('everyday.minutes.print')}
    </button>
  );
}
