import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useHubRoleList } from '../ChildValues.tsx';
import { sectionIds, sectionLink } from './sections.ts';

/**
 * What the hub should act on, each in words with an icon and a link to the
 * part of the page where it is fixed (the view holding it, scrolled to the section). The server computes the flags; this
 * only lists them.
 */
export function ChildFlags({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const roleList = useHubRoleList();
  if (child.view !== 'full') return null;
  const f = child.flags;
  const items: { key: string; text: string; to: string }[] = [];
  if (child.missingCoreRoles.length > 0)
    items.push({
      key: 'core',
      text: t('hub.flags.missingCoreRoles', { roles: roleList(child.missingCoreRoles) }),
      to: sectionLink(sectionIds.hub),
    });
  if (f.firstMeetingOpen)
    items.push({ key: 'meeting', text: t('hub.flags.firstMeetingOpen'), to: sectionLink(sectionIds.firstMeeting) });
  if (f.topicsWithoutResponsible > 0)
    items.push({
      key: 'topics',
      text: t('hub.flags.topicsWithoutResponsible', { count: f.topicsWithoutResponsible }),
      to: sectionLink(sectionIds.topics),
    });
  if (f.overdueQuestions > 0)
    items.push({
      key: 'overdue',
      text: t('hub.flags.overdueQuestions', { count: f.overdueQuestions }),
      to: sectionLink(sectionIds.questions),
    });
  if (f.questionsWithoutOwner > 0)
    items.push({
      key: 'owner',
      text: t('hub.flags.questionsWithoutOwner', { count: f.questionsWithoutOwner }),
      to: sectionLink(sectionIds.questions),
    });
  // Until the hub agrees its line on the topic; fixed on the besked page.
  if (f.beskedContradictions > 0)
    items.push({
      key: 'besked',
      text: t('besked.child.flag', { count: f.beskedContradictions }),
      to: `/children/${child.id}/besked`,
    });

  return (
    <section className="panel hub-flags" id={sectionIds.flags} aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('hub.flags.title')}</h2>
      {items.length === 0 ? (
        <p className="hub-ok">
          <span aria-hidden="true">✓ </span>
          {t('hub.flags.none')}
        </p>
      ) : (
        <ul className="hub-flag-list">
          {items.map((item) => (
            <li key={item.key} className="hub-warning">
              <span className="hub-warning__icon" aria-hidden="true">
                ⚠
              </span>
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
