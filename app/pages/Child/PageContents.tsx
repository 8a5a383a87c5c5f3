import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { sectionIds } from '../../components/hub/sections.ts';

/** A short table of contents: the page is long on a phone, and each section is a jump away. */
export function PageContents({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const a = child.abilities;
  const entries: { id: string; label: string; show: boolean }[] = [
    { id: sectionIds.flags, label: t('hub.flags.title'), show: child.view === 'full' },
    { id: sectionIds.hub, label: t('hub.members.title'), show: true },
    { id: sectionIds.topics, label: t('hub.topics.title'), show: true },
    { id: sectionIds.firstMeeting, label: t('hub.firstMeeting.title'), show: a.readFirstMeeting },
    { id: sectionIds.questions, label: t('hub.questions.title'), show: a.readQuestions },
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
