import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useHub, useQuestions, useTopicMatrix } from '../../api/hub.ts';
import { Loading, Notice } from '../Notice.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { Reveal } from '../Reveal.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { QuestionItem } from './QuestionItem.tsx';
import { sectionIds } from './sections.ts';
import { Warning } from './values.tsx';

/** What the hub agreed to raise with the child, each with one owner and a due date: never "someone". */
export function Questions({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const questions = useQuestions(child.id, child.abilities.readQuestions);
  const hub = useHub(child.id);
  const matrix = useTopicMatrix(child.id);
  const [saved, setSaved] = useState<string | null>(null);
  if (!child.abilities.readQuestions) return null;

  // Questions are taken by staff; the server refuses civil society as owner.
  const owners = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];
  const topics = matrix.data?.items.map((i) => i.topic) ?? [];
  const items = questions.data?.items ?? [];
  const open = items.filter((q) => q.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = items.filter((q) => q.status !== 'open');
  const overdue = open.filter((q) => q.overdue).length;

  return (
    <section className="panel hub-section" id={sectionIds.questions} aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('hub.questions.title')}</h2>
      <p className="hub-muted">{t('hub.questions.intro')}</p>
      <HubErrorRegion error={questions.error} />
      <SavedRegion message={saved} />
      {questions.isPending ? <Loading /> : null}
      {questions.data?.someWithheld ? (
        <Notice kind="info" title={t('hub.questions.withheld')}>
          <p>{t('hub.questions.withheldBody')}</p>
        </Notice>
      ) : null}
      {overdue > 0 ? <Warning>{t('hub.flags.overdueQuestions', { count: overdue })}</Warning> : null}
      {questions.data ? (
        <>
          <h3>{t('hub.questions.open', { count: open.length })}</h3>
          {open.length === 0 ? <p>{t('hub.questions.noneOpen')}</p> : null}
          <ul className="hub-question-list">
            {open.map((q) => (
              <QuestionItem key={q.id} childId={child.id} question={q} owners={owners} onSaved={setSaved} />
            ))}
          </ul>
          {closed.length > 0 ? (
            <details className="hub-former">
              <summary>{t('hub.questions.closed', { count: closed.length })}</summary>
              <ul className="hub-question-list">
                {closed.map((q) => (
                  <QuestionItem key={q.id} childId={child.id} question={q} owners={owners} onSaved={setSaved} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      {child.abilities.raiseQuestion && owners.length > 0 ? (
        <Reveal label={t('hub.questions.newTitle')}>
          <QuestionForm
            childId={child.id}
            owners={owners}
            topics={topics}
            onCreated={() => setSaved(t('hub.questions.created'))}
          />
        </Reveal>
      ) : null}
    </section>
  );
}
