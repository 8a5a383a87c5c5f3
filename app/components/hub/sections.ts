/** Anchors of the child page's sections, so flags and the page's table of contents can link to them. */
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
  timeline: 'timeline',
} as const;
