import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHILD_MESSAGE_MAX, ChildLanguageCode, type ChildMessage } from '../../../common/schemas/childvoice.ts';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useAnswerChildMessage, useChildMessages } from '../../api/childvoice.ts';
import { fieldIssue } from '../errors.ts';
import { SelectField, TextAreaField } from '../Field.tsx';
import { useFormatDateTime } from '../format.ts';
import { HubErrorRegion, SavedRegion } from '../hub/HubError.tsx';
import { sectionIds } from '../hub/sections.ts';
import { Loading } from '../Notice.tsx';
import './childvoice.css';

type Lang = (typeof ChildLanguageCode.options)[number];
const isLang = (v: string): v is Lang => (ChildLanguageCode.options as readonly string[]).includes(v);
/** Dari is marked as Persian of Afghanistan, which screen readers and fonts know (as on the child's page). */
const htmlLang = (code: string) => (code === 'prs' ? 'fa-AF' : code);

/**
 * What the child wrote from their own page, and the answers. The child's words
 * are shown in the language they were written in, marked with it, never
 * presented as a translation.
 */
export function ChildMessages({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  // The list is for those who see the child in full: the same rule as the hub's questions.
  const enabled = child.abilities.readQuestions;
  const messages = useChildMessages(child.id, enabled);
  if (!enabled) return null;
  const items = messages.data?.items ?? [];
  return (
    <section className="panel hub-section" id={sectionIds.messages} aria-labelledby="child-messages-heading">
      <h2 id="child-messages-heading">{t('childvoice.title')}</h2>
      <p>{t('childvoice.intro')}</p>
      <HubErrorRegion error={messages.error} />
      {messages.isPending ? <Loading /> : null}
      {messages.data?.someWithheld ? <p>{t('childvoice.someWithheld')}</p> : null}
      {messages.data && items.length === 0 ? <p>{t('childvoice.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="cv-messages">
          {items.map((m) => (
            <MessageItem key={m.id} childId={child.id} message={m} languages={child.languages} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MessageItem({ childId, message, languages }: { childId: string; message: ChildMessage; languages: string[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const language = (code: string) => (isLang(code) ? t(`childvoice.language.${code}`) : code);
  return (
    <li data-testid="child-message">
      <h3>{t(`childvoice.kind.${message.kind}`)}</h3>
      <p className="hub-muted">
        {t('childvoice.sentTo', { name: message.to.displayName, when: formatDateTime(message.sentAt) })}
      </p>
      {message.text ? (
        <>
          <p className="hub-muted">{t('childvoice.writtenIn', { language: language(message.lang) })}</p>
          <blockquote lang={htmlLang(message.lang)} dir="auto">
            {message.text}
          </blockquote>
        </>
      ) : (
        <p className="hub-muted">{t('childvoice.noText')}</p>
      )}
      {message.answer ? (
        <div>
          <p className="hub-muted">
            {t('childvoice.answeredBy', {
              name: message.answer.byName,
              when: formatDateTime(message.answer.answeredAt),
            })}
          </p>
          <p lang={htmlLang(message.answer.lang)} dir="auto">
            {message.answer.text}
          </p>
        </div>
      ) : message.canAnswer ? (
        <AnswerForm childId={childId} messageId={message.id} languages={languages} />
      ) : null}
    </li>
  );
}

function AnswerForm({ childId, messageId, languages }: { childId: string; messageId: string; languages: string[] }) {
  const { t } = useTranslation();
  const answer = useAnswerChildMessage(childId);
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Lang>('sv');
  const [local, setLocal] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const offered = ['sv', 'en', ...languages.filter((l) => l !== 'sv' && l !== 'en')].filter(isLang);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setLocal(t('childvoice.required'));
    if (trimmed.length > CHILD_MESSAGE_MAX) return setLocal(t('childvoice.tooLong'));
    setLocal(null);
    answer.mutate({ messageId, body: { text: trimmed, lang } }, { onSuccess: () => setSent(t('childvoice.sent')) });
  };
  const textError = local ?? (fieldIssue(answer.error, 'body.text') ? t('childvoice.tooLong') : null);
  return (
    <form onSubmit={submit} noValidate>
      <HubErrorRegion error={textError ? null : answer.error} />
      <TextAreaField
        label={t('childvoice.answerLabel')}
        hint={t('childvoice.answerHint')}
        error={textError}
        value={text}
        maxLength={CHILD_MESSAGE_MAX}
        rows={3}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('childvoice.answerLang')}
        hint={t('childvoice.answerLangHint')}
        value={lang}
        onChange={(v) => {
          if (isLang(v)) setLang(v);
        }}
        options={offered.map((l) => ({ value: l, label: t(`childvoice.language.${l}`) }))}
      />
      <button type="submit" className="button" disabled={answer.isPending}>
        {t('childvoice.send')}
      </button>
      <SavedRegion message={sent} />
    </form>
  );
}
