import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirmRead, useLevelsStart } from '../../api/levels.ts';
import { errorText } from '../../components/errors.ts';
import { useFormatDate } from '../../components/format.ts';

/** Every staff member's part of the levels: the collaborations, "raise a question", and the routines to read. */
export function StaffStart() {
  const { t } = useTranslation();
  const start = useLevelsStart();
  const data = start.data;
  if (!data || data.collaborations.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="levels-staff-heading">
      <h2 id="levels-staff-heading">{t('levels.start.title')}</h2>
      <ul className="link-list">
        {data.collaborations.map((c) => (
          <li key={c.id}>
            {c.name}: <Link to={`/collaborations/${c.id}/forum`}>{t('levels.start.raise')}</Link> ·{' '}
            <Link to={`/collaborations/${c.id}/forum`}>{t('levels.forum.link')}</Link> ·{' '}
            <Link to={`/collaborations/${c.id}/strategic`}>{t('levels.strategic.link')}</Link>
          </li>
        ))}
      </ul>
      <h3>{t('levels.start.toRead')}</h3>
      {data.routinesToRead.length === 0 ? <p className="empty">{t('levels.start.nothingToRead')}</p> : null}
      <ul className="link-list">
        {data.routinesToRead.map((r) => (
          <ToRead key={r.id} collaborationId={r.collaborationId} routineId={r.id} title={r.title} />
        ))}
      </ul>
    </section>
  );
}

function ToRead({ collaborationId, routineId, title }: { collaborationId: string; routineId: string; title: string }) {
  const { t } = useTranslation();
  const read = useConfirmRead(collaborationId);
  return (
    <li>
      <Link to={`/collaborations/${collaborationId}/forum`}>{title}</Link>{' '}
      <button type="button" className="button button--secondary" onClick={() => read.mutate(routineId)}>
        {t('levels.routines.confirmRead', { title })}
      </button>
      {read.error ? <span className="field__error">{errorText(t, read.error)}</span> : null}
    </li>
  );
}

/** A manager's part: questions from their staff, routines their staff have not read, decisions they own. */
export function ManagerStart() {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const start = useLevelsStart();
  const m = start.data?.manager;
  if (!m) return null;
  return (
    <section className="panel" aria-labelledby="levels-manager-heading">
      <h2 id="levels-manager-heading">{t('levels.start.managerTitle')}</h2>
      <h3>{t('levels.start.staffQuestions')}</h3>
      {m.questions.length === 0 ? <p className="empty">{t('levels.start.noStaffQuestions')}</p> : null}
      <ul className="link-list">
        {m.questions.map((q) => (
          <li key={q.id}>
            <Link to={`/collaborations/${q.collaborationId}/forum`}>{q.title}</Link> –{' '}
            {t(`levels.questions.status.${q.status}`)} · {t('levels.questions.raisedBy', { name: q.raisedBy.name })}
          </li>
        ))}
      </ul>
      <h3>{t('levels.start.staffUnread')}</h3>
      {m.unread.length === 0 ? <p className="empty">{t('levels.routines.allRead')}</p> : null}
      <ul className="link-list">
        {m.unread.map((u) => (
          <li key={u.routineId}>
            {t('levels.routines.unreadLine', {
              title: u.title,
              version: u.version,
              names: u.users.map((x) => x.name).join(', '),
            })}
          </li>
        ))}
      </ul>
      <h3>{t('levels.start.myDecisions')}</h3>
      {m.decisions.length === 0 ? <p className="empty">{t('levels.start.noDecisions')}</p> : null}
      <ul className="link-list">
        {m.decisions.map((d) => (
          <li key={d.id}>
            <Link to={`/meetings/${d.meetingId}`}>{d.text}</Link> · {t('levels.due', { date: fmt(d.dueOn) })}
            {d.overdue ? <span className="levels-overdue"> {t('levels.overdue')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
