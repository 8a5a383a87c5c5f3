import type { ChildDetail } from '../../../common/schemas/children.ts';
import { childViewIds, isChildView, viewOf, type ChildView } from '../../components/hub/sections.ts';

/**
 * Whether a view has a section for this reader: the same rules the sections apply to themselves
 * (each returns nothing when its rule says no), so a view never opens empty. The history view also
 * holds the links to the extract and the audit log, which have rules of their own.
 */
export function visibleViews(child: ChildDetail, readAuditLog: boolean): ChildView[] {
  const a = child.abilities;
  const full = child.view === 'full';
  const shows: Record<ChildView, boolean> = {
    events: full,
    hub: true,
    questions: a.readQuestions,
    meetings: full,
    plan: full,
    child: a.createChildLink || a.readQuestions,
    history: a.readTimeline || a.seeCaseNumber || readAuditLog,
  };
  return childViewIds.filter((v) => shows[v]);
}

/**
 * The view shown. A link to a section (`#questions`, from a flag, a notice or an older bookmark)
 * opens the view holding it; then the view named in the URL; else the first. A view the reader
 * does not have falls back to the first, as an unknown one does.
 */
export function shownView(visible: readonly ChildView[], named: string | null, hash: string): ChildView {
  const fromHash = viewOf(sectionOf(hash));
  if (fromHash && visible.includes(fromHash)) return fromHash;
  if (isChildView(named) && visible.includes(named)) return named;
  // The hub's view is there for every reader, so the list is never empty.
  return visible[0] ?? 'hub';
}

/** The section a URL's hash names ('' for none or a malformed one). */
export function sectionOf(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** The link target that shows a view (the path stays the child's). */
export const viewLink = (view: ChildView) => ({ search: `?view=${view}` });
