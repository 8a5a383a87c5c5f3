import { useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { viewOf, type ChildView } from '../../components/hub/sections.ts';
import { sectionOf, shownView } from './childViews.ts';

/**
 * The child page's view, kept in the URL (`?view=meetings`) so a reload, the browser's back button
 * and a link all land on it. A link to a section (`#questions`) opens its view and, once the view is
 * there, scrolls to the section and puts focus on it, as the browser does for an anchor on a page
 * that holds it from the start (here the section only exists once its view is chosen).
 */
export function useShownView(visible: readonly ChildView[]): ChildView {
  const [params] = useSearchParams();
  const { hash, key } = useLocation();
  const navigate = useNavigate();
  const named = params.get('view');
  const shown = shownView(visible, named, hash);

  // A section's anchor without its view (an older link, a notice) gets the view written in, so that
  // an anchor to the flags, which keeps the query, does not drop back to the first view.
  useEffect(() => {
    if (named === shown || viewOf(sectionOf(hash)) !== shown) return;
    void navigate({ search: `?view=${shown}`, hash }, { replace: true });
  }, [named, shown, hash, navigate]);

  useEffect(() => {
    const section = sectionOf(hash);
    if (!section) return;
    // A frame later: after the shell has put focus on the content of a page just arrived at (AppShell).
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(section);
      if (!target) return;
      target.scrollIntoView();
      // Focus follows, so the next Tab starts in the section rather than at the link the user left.
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // On each navigation (key), the same link followed twice included, and once the view is shown.
  }, [key, hash, shown]);

  return shown;
}
