import { useId, useState, type FormEvent } from 'react';
import type { ChildViewMe } from '../../../common/schemas/child-view.ts';
import {
  CHILD_MESSAGE_MAX,
  childMessageKinds,
  ChildLanguageCode,
  type ChildMessageKind,
  type ChildOwnMessage,
} from '../../../common/schemas/childvoice.ts';
import { useSendChildMessage } from '../../api/childvoice.ts';
import { isApiError } from '../../api/client.ts';
import './childVoice.css';
import { htmlLang, type ChildKey, type ChildLanguage, type ChildT } from './childText.ts';

const isLang = (v: string): v is ChildLanguage => (ChildLanguageCode.options as readonly string[]).includes(v);

/** The key of what went wrong, in the child's words: never the server's English. */
function problemOf(error: unknown): ChildKey {
  if (isApiError(error) && error.status === 429) return 'voice.errors.tooMany';
  if (isApiError(error) && error.hasIssue('body.toMemberId')) return 'voice.errors.chooseAdult';
  if (isApiError(error) && error.hasIssue('body.text')) return 'voice.errors.tooLong';
  return 'voice.errors.failed';
}

interface Props {
  me: ChildViewMe;
  t: ChildT;
  lang: ChildLanguage;
}

/** The child's way back: a short message to the hub, and what they sent with the answers. */
export function ChildVoice({ me, t, lang }: Props) {
  const id = useId();
  const send = useSendChildMessage();
  const [kind, setKind] = useState<ChildMessageKind>('not_understood');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<ChildKey | null>(null);
  const [sent, setSent] = useState(false);
  // Only staff: a volunteer sees the child's narrow page and could not read the message.
  const adults = me.adults.filter((a) => a.hubRole !== 'civil_society');
  const problem: ChildKey | null = local ?? (send.error ? problemOf(send.error) : null);
  const name = (firstName: string, role: ChildOwnMessage['to']['hubRole']) =>
    `${firstName} (${t(`roles.${role}.title`)})`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (kind === 'talk_to' && to === '') return setLocal('voice.errors.chooseAdult');
    if (text.trim().length > CHILD_MESSAGE_MAX) return setLocal('voice.errors.tooLong');
    setLocal(null);
    send.mutate(
      {
        kind,
        lang,
        ...(kind === 'talk_to' ? { toMemberId: to } : {}),
        ...(text.trim() ? { text: text.trim() } : {}),
      },
      {
        onSuccess: () => {
          setText('');
          setSent(true);
        },
      },
    );
  };

  return (
    <section aria-labelledby="cv-voice" className="cv-section">
      <h2 id="cv-voice">{t('voice.title')}</h2>
      <p>{t('voice.intro')}</p>
      <div role="alert" aria-live="assertive" className="cv-alert-region">
        {problem ? (
          <div className="cv-alert" id={`${id}-error`}>
            <span aria-hidden="true" className="cv-alert__icon">
              ⚠
            </span>
            <p>{t(problem)}</p>
          </div>
        ) : null}
      </div>
      <form className="cv-form" onSubmit={submit} noValidate>
        <fieldset className="cv-choices">
          <legend className="cv-label">{t('voice.choose')}</legend>
          {childMessageKinds.map((k) => (
            <label key={k} className="cv-choice">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {t(`voice.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'talk_to' ? (
          <>
            <label htmlFor={`${id}-to`} className="cv-label">
              {t('voice.who')}
            </label>
            <select
              id={`${id}-to`}
              className="cv-select"
              value={to}
              aria-invalid={problem === 'voice.errors.chooseAdult' || undefined}
              aria-describedby={problem === 'voice.errors.chooseAdult' ? `${id}-error` : undefined}
              onChange={(e) => setTo(e.target.value)}
            >
              <option value="">{t('voice.who')}</option>
              {adults.map((a) => (
                <option key={a.id} value={a.id}>
                  {name(a.displayName.split(' ')[0] ?? a.displayName, a.hubRole)}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor={`${id}-text`} className="cv-label">
          {t('voice.text')}
        </label>
        <p id={`${id}-hint`} className="cv-hint">
          {t('voice.hint')}
        </p>
        <textarea
          id={`${id}-text`}
          className="cv-textarea"
          rows={3}
          maxLength={CHILD_MESSAGE_MAX}
          dir="auto"
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="cv-button" disabled={send.isPending}>
          {t('voice.send')}
        </button>
        <p role="status" className="cv-status">
          {sent ? t('voice.sent') : null}
        </p>
      </form>

      <h3 className="cv-subtitle">{t('voice.mine')}</h3>
      {me.messages.length === 0 ? (
        <p className="cv-empty">{t('voice.none')}</p>
      ) : (
        <ul className="cv-cards">
          {me.messages.map((m) => (
            <li key={m.id} className="cv-card" data-testid="child-own-message">
              <p className="cv-strong">{t(`voice.kinds.${m.kind}`)}</p>
              <p className="cv-card__role">{t('voice.to', { name: name(m.to.firstName, m.to.hubRole) })}</p>
              {m.text ? (
                <p lang={htmlLang(isLang(m.lang) ? m.lang : 'sv')} dir="auto">
                  {m.text}
                </p>
              ) : null}
              {m.answer ? (
                <div className="cv-answer">
                  <p className="cv-strong">
                    {t('voice.answer', { name: name(m.answer.by.firstName, m.answer.by.hubRole) })}
                  </p>
                  <AdultText text={m.answer.text} lang={m.answer.lang} pageLang={lang} t={t} />
                </div>
              ) : (
                <p className="cv-empty">{t('voice.waiting')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Words an adult typed: in their language, marked as such when it is not the page's. Never called a translation. */
function AdultText({ text, lang, pageLang, t }: { text: string; lang: string; pageLang: ChildLanguage; t: ChildT }) {
  const code = isLang(lang) ? lang : 'sv';
  return (
    <>
      {code !== pageLang ? <p className="cv-hint">{t(`voice.writtenIn.${code}`)}</p> : null}
      <p lang={htmlLang(code)} dir="auto" className="cv-adult-text">
        {text}
      </p>
    </>
  );
}
