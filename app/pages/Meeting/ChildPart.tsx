import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { useMeetingHub } from './api.ts';

/** Who may own an item or a decision: the hub's staff for a child's meeting, the invited users otherwise. */
export function useOwnerOptions(m: Meeting): { value: string; label: string }[] {
  const { t } = useTranslation();
  const hub = useMeetingHub(m.child?.id ?? null);
  if (m.child) {
    if (hub.data?.view !== 'full') return [];
    return hub.data.members
      .filter((x) => x.hubRole !== 'civil_society')
      .map((x) => ({ value: x.userId, label: `${x.displayName} (${t(`hubRole.${x.hubRole}`)})` }));
  }
  return m.participants.flatMap((p) => (p.userId ? [{ value: p.userId, label: p.displayName }] : []));
}

/** Whether and where the child takes part, and what the child asked for beforehand. */
export function ChildPart({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!m.child) return null;
  const w = m.childWishes;
  const asked = w.attendees || w.raise || w.avoid;
  return (
    <section className="panel hub-section" aria-labelledby="child-part-heading">
      <h2 id="child-part-heading">{t('meetings.participation.title', { name: m.child.displayName })}</h2>
      <p>{t(`meetings.participation.${m.childParticipation}`)}</p>
      <h3>{t('meetings.wishes.title')}</h3>
      {asked ? (
        <dl className="facts">
          {(['attendees', 'raise', 'avoid'] as const).map((k) =>
            w[k] ? (
              <div key={k}>
                <dt>{t(`meetings.wishes.${k}`)}</dt>
                <dd>{w[k]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      ) : (
        <p className="hub-muted">{t('meetings.wishes.none')}</p>
      )}
    </section>
  );
}
