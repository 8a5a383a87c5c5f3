import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChildDetail, TimelineEntry } from '../../../common/schemas/children.ts';
import { eventLine } from '../notifications/eventLine.ts';
import { checklistItems, type ChecklistItem, type Topic } from '../../../common/schemas/hub.ts';
import { useTimeline } from '../../api/childRecord.ts';
import { useTopicMatrix } from '../../api/hub.ts';
import { useFormatDate, useFormatDateTime } from '../format.ts';
import { Loading, Notice } from '../Notice.tsx';
import { History } from './History.tsx';
import { HubErrorRegion } from './HubError.tsx';
import { sectionIds } from './sections.ts';
import { useTopicName } from './values.tsx';

const isChecklistItem = (v: string): v is ChecklistItem => (checklistItems as readonly string[]).includes(v);

/** The record fields an update can name; anything else is said as "other details". */
const knownFields = [
  'displayName',
  'dateOfBirth',
  'assessedAge',
  'languages',
  'interpreterNeeded',
  'interpreterLanguage',
  'arrivalDate',
  'caseNumber',
  'placement',
  'asylumStatus',
] as const;
type KnownField = (typeof knownFields)[number];
const isKnownField = (f: string): f is KnownField => (knownFields as readonly string[]).includes(f);

/** One history line in words. The server sends keys and names only; every sentence is made here. */
function describe(
  t: TFunction,
  e: TimelineEntry,
  topicName: (topic: Topic | string) => string,
  formatDate: (d: string) => string,
  list: (items: string[]) => string,
): string {
  const d = e.detail;
  const role = d.hubRole ? t(`hubRole.${d.hubRole}`) : '';
  const name = d.memberName ?? t('hub.unknownPerson');
  switch (e.action) {
    case 'child.created':
      return t('hub.timeline.created');
    case 'child.updated': {
      const fields = list((d.fields ?? []).map((f) => (isKnownField(f) ? t(`hub.field.${f}`) : t('hub.field.other'))));
      const base = t('hub.timeline.updated', { fields });
      return d.asylumStatus
        ? `${base} ${t('hub.timeline.asylumNow', { status: t(`asylumStatus.${d.asylumStatus}`) })}`
        : base;
    }
    case 'child.closed':
      return t('hub.timeline.closed');
    case 'hub.member_added':
      return t('hub.timeline.memberAdded', { name, role });
    case 'hub.member_ended': {
      const base = d.lastDay
        ? t('hub.timeline.memberEndsOn', { name, role, date: formatDate(d.lastDay) })
        : t('hub.timeline.memberEnded', { name, role });
      return d.replacementName ? `${base} ${t('hub.timeline.replacedBy', { name: d.replacementName })}` : base;
    }
    case 'hub.agreement_updated':
      return t('hub.timeline.agreementUpdated', { name, role });
    case 'hub.topic_assigned':
      return d.responsibleName
        ? t('hub.timeline.topicAssigned', { topic: topicName(d.topic ?? ''), name: d.responsibleName })
        : t('hub.timeline.topicCleared', { topic: topicName(d.topic ?? '') });
    case 'hub.first_meeting_proposed':
      return d.proposedOn
        ? t('hub.timeline.meetingProposed', { date: formatDate(d.proposedOn) })
        : t('hub.timeline.meetingProposedNoDate');
    case 'hub.first_meeting_updated':
      return d.proposedOn
        ? t('hub.timeline.meetingMoved', { date: formatDate(d.proposedOn) })
        : t('hub.timeline.meetingDateCleared');
    case 'hub.checklist_recorded': {
      const item = d.item && isChecklistItem(d.item) ? t(`hub.checklist.${d.item}.label`) : '';
      return d.done ? t('hub.timeline.checklistDone', { item }) : t('hub.timeline.checklistUndone', { item });
    }
    case 'hub.question_created':
      return t('hub.timeline.questionCreated');
    case 'hub.question_updated':
      return d.status === 'done'
        ? t('hub.timeline.questionDone')
        : d.status === 'dropped'
          ? t('hub.timeline.questionDropped')
          : t('hub.timeline.questionUpdated');
    case 'child_link.created':
      return t('hub.timeline.linkCreated');
    case 'child_link.revoked':
      return t('hub.timeline.linkRevoked');
    case 'child_link.redeemed':
      return t('hub.timeline.linkRedeemed');
    case 'child_link.burnt':
      return t('hub.timeline.linkBurnt');
    case 'event.recorded':
      return eventLine(t, d);
    default:
      // A kind of entry newer than this list (other parts of Navet add theirs): said plainly, never dropped.
      return t('hub.timeline.otherAction');
  }
}

/** The child's history, newest first: what changed, when, and by whom. */
export function Timeline({ child }: { child: ChildDetail }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(child.id, child.abilities.readTimeline);
  const matrix = useTopicMatrix(child.id);
  const generic = useTopicName();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  if (!child.abilities.readTimeline) return null;

  const topics = new Map((matrix.data?.items ?? []).map((i) => [i.topic.key, i.topic]));
  const topicName = (topic: Topic | string) =>
    generic(typeof topic === 'string' ? (topics.get(topic) ?? topic) : topic);
  const listFormat = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  const list = (items: string[]) => listFormat.format([...new Set(items)]);
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <History child={child} />
      <section className="panel hub-section" id={sectionIds.timeline} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('hub.timeline.title')}</h2>
        <HubErrorRegion error={timeline.error} />
        {timeline.isPending ? <Loading /> : null}
        {timeline.data?.pages.some((p) => p.someWithheld) ? (
          <Notice kind="info" title={t('history.withheld')}>
            <p>{t('history.withheldBody')}</p>
          </Notice>
        ) : null}
        {timeline.data && entries.length === 0 ? <p>{t('hub.timeline.empty')}</p> : null}
        <ol className="hub-timeline">
          {entries.map((e) => (
            <li key={e.id} className="hub-timeline__entry">
              <p className="hub-timeline__what">{describe(t, e, topicName, formatDate, list)}</p>
              <p className="hub-muted hub-small">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {' · '}
                {e.byChild ? t('hub.timeline.byChild') : e.actor ? e.actor.displayName : t('hub.timeline.byNavet')}
              </p>
            </li>
          ))}
        </ol>
        {timeline.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void timeline.fetchNextPage()}
            disabled={timeline.isFetchingNextPage}
          >
            {timeline.isFetchingNextPage ? t('common.loading') : t('hub.timeline.more')}
          </button>
        ) : null}
      </section>
    </>
  );
}
