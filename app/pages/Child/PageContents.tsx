import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { sectionIds } from '../../components/hub/sections.ts';

/**
 * The page's contents, in the order of the page: every section the reader may see is a jump away
 * (a section that does not show for this reader is not listed).
 */
export function PageContents({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const a = child.abilities;
  const full = child.view === 'full';
  const entries: { id: string; label: string; show: boolean }[] = [
    { id: sectionIds.flags, label: t('hub.flags.title'), show: full },
    { id: sectionIds.events, label: t('notices.child.title'), show: full },
    { id: sectionIds.hub, label: t('hub.members.title'), show: true },
    { id: sectionIds.topics, label: t('hub.topics.title'), show: true },
    { id: sectionIds.firstMeeting, label: t('hub.firstMeeting.title'), show: a.readFirstMeeting },
    { id: sectionIds.questions, label: t('hub.questions.title'), show: a.readQuestions },
    { id: sectionIds.meetings, label: t('meetings.child.title'), show: full },
    { id: sectionIds.decisions, label: t('meetings.child.decisionsTitle'), show: full },
    { id: sectionIds.besked, label: t('besked.child.title'), show: full },
    { id: sectionIds.plan, label: t('plans.section.title'), show: full },
    { id: sectionIds.childLink, label: t('hub.link.title'), show: a.createChildLink },
    { id: sectionIds.timeline, label: t('hub.timeline.title'), show: a.readTimeline },
  ];
  return (
    <nav className="hub-contents" aria-label={t('hub.contents')}>
      <ul>
        {entries
          .filter((e) => e.show)
          .map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`}>{e.label}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
