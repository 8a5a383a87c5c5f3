import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useHubRoleList } from '../ChildValues.tsx';
import { sectionIds } from './sections.ts';

/**
 * What the hub should act on, each in words with an icon and a link to the
 * part of the page where it is fixed. The server computes the flags; this
 * only lists them.
 */
export function ChildFlags({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const roleList = useHubRoleList();
  if (child.view !== 'full') return null;
  const f = child.flags;
  const items: { key: string; text: string; href: string; to?: string }[] = [];
  if (child.missingCoreRoles.length > 0)
    items.push({
      key: 'core',
      text: t('hub.flags.missingCoreRoles', { roles: roleList(child.missingCoreRoles) }),
      href: sectionIds.hub,
    });
  if (f.firstMeetingOpen)
    items.push({ key: 'meeting', text: t('hub.flags.firstMeetingOpen'), href: sectionIds.firstMeeting });
  if (f.topicsWithoutResponsible > 0)
    items.push({
      key: 'topics',
      text: t('hub.flags.topicsWithoutResponsible', { count: f.topicsWithoutResponsible }),
      href: sectionIds.topics,
    });
  if (f.overdueQuestions > 0)
    items.push({
      key: 'overdue',
      text: t('hub.flags.overdueQuestions', { count: f.overdueQuestions }),
      href: sectionIds.questions,
    });
  if (f.questionsWithoutOwner > 0)
    items.push({
      key: 'owner',
      text: t('hub.flags.questionsWithoutOwner', { count: f.questionsWithoutOwner }),
      href: sectionIds.questions,
    });
  // Until the hub agrees its line on the topic; fixed on the besked page.
  if (f.beskedContradictions > 0)
    items.push({
      key: 'besked',
      text: t('besked.child.flag', { count: f.beskedContradictions }),
      href: '',
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
              {item.to ? <Link to={item.to}>{item.text}</Link> : <a href={`#${item.href}`}>{item.text}</a>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
