import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildView } from '../../components/hub/sections.ts';
import { viewLink } from './childViews.ts';

/**
 * The child page's views as links, the one shown marked (aria-current, and in bold with a bar, not
 * by colour alone). Links rather than ARIA tabs: each view is an address of its own that back, reload
 * and a bookmark keep, and links need no key handling to work with a keyboard. A reader with a single
 * view gets no list.
 */
export function ViewNav({ views, shown }: { views: readonly ChildView[]; shown: ChildView }) {
  const { t } = useTranslation();
  if (views.length < 2) return null;
  return (
    <nav className="child-views" aria-label={t('hub.contents')}>
      <ul>
        {views.map((v) => (
          <li key={v}>
            <Link to={viewLink(v)} aria-current={v === shown ? 'page' : undefined}>
              {t(`childPage.views.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
