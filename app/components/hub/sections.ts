/** Anchors of the child page's sections, so flags, notices and other pages can link to them. */
export const sectionIds = {
  flags: 'flags',
  hub: 'hub',
  topics: 'topics',
  firstMeeting: 'first-meeting',
  questions: 'questions',
  events: 'events',
  meetings: 'meetings',
  decisions: 'decisions',
  besked: 'besked',
  plan: 'plan',
  childLink: 'child-link',
  messages: 'child-messages',
  timeline: 'timeline',
} as const;

export type SectionId = (typeof sectionIds)[keyof typeof sectionIds];

/**
 * The child page's views, in the order of its view links, each with the sections it holds. One view
 * shows at a time so the page stays short; the summary and the flags stand above every view, so they
 * belong to none. The ids are the `?view=` of the URL: links from elsewhere (and bookmarks) rely on them.
 */
export const childViews = {
  events: [sectionIds.events, sectionIds.besked],
  hub: [sectionIds.hub, sectionIds.topics, sectionIds.firstMeeting],
  questions: [sectionIds.questions],
  meetings: [sectionIds.meetings, sectionIds.decisions],
  plan: [sectionIds.plan],
  child: [sectionIds.childLink, sectionIds.messages],
  history: [sectionIds.timeline],
} as const satisfies Record<string, readonly SectionId[]>;

export type ChildView = keyof typeof childViews;

export const childViewIds = Object.keys(childViews) as ChildView[];

export function isChildView(value: unknown): value is ChildView {
  return typeof value === 'string' && (childViewIds as string[]).includes(value);
}

/** The view holding a section; null for the flags (always shown) and for anything else. */
export function viewOf(sectionId: string): ChildView | null {
  return childViewIds.find((v) => (childViews[v] as readonly string[]).includes(sectionId)) ?? null;
}

/**
 * A link to one section of the child page, from the page itself or elsewhere: it opens the view
 * holding the section, and the page scrolls to it. Relative to the child page when `childId` is left out.
 */
export function sectionLink(sectionId: SectionId, childId?: string): string {
  const view = viewOf(sectionId);
  const path = childId ? `/children/${childId}` : '';
  return `${path}${view ? `?view=${view}` : ''}#${sectionId}`;
}

/** The child page at one view, for the way back from a page opened from that view (a meeting, the plan). */
export function childViewPath(childId: string, view: ChildView): string {
  return `/children/${childId}?view=${view}`;
}
