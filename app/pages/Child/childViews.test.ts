import { describe, expect, it } from 'vitest';
import type { ChildAbilities, ChildDetail } from '../../../common/schemas/children.ts';
import { childViews, sectionIds, sectionLink, viewOf } from '../../components/hub/sections.ts';
import { sectionOf, shownView, visibleViews } from './childViews.ts';

const none: ChildAbilities = {
  edit: false,
  close: false,
  seeCaseNumber: false,
  readTimeline: false,
  manageHub: false,
  manageTopics: false,
  readFirstMeeting: false,
  recordFirstMeeting: false,
  readQuestions: false,
  raiseQuestion: false,
  createChildLink: false,
};
// Only what the view rules read.
const child = (view: 'full' | 'narrow', abilities: Partial<ChildAbilities> = {}) =>
  ({ view, abilities: { ...none, ...abilities } }) as ChildDetail;
const full = { readTimeline: true, readFirstMeeting: true, readQuestions: true, raiseQuestion: true };

describe('the child page views', () => {
  it('every section but the flags is in exactly one view', () => {
    const inViews = Object.values(childViews).flat();
    const all = Object.values(sectionIds).filter((id) => id !== sectionIds.flags);
    expect([...inViews].sort()).toEqual([...all].sort());
    expect(viewOf(sectionIds.flags)).toBeNull();
  });

  it('a social worker has them all; civil society (the narrow view) only the hub', () => {
    const sw = child('full', { ...full, seeCaseNumber: true, createChildLink: true });
    expect(visibleViews(sw, false)).toEqual(['events', 'hub', 'questions', 'meetings', 'plan', 'child', 'history']);
    expect(visibleViews(child('narrow'), false)).toEqual(['hub']);
    // A school mentor sees in full but hands over no code: the child's messages still need the view.
    expect(visibleViews(child('full', full), false)).toContain('child');
    // The audit log's link alone keeps the history view.
    expect(visibleViews(child('narrow'), true)).toEqual(['hub', 'history']);
  });

  it('a section anchor opens its view, then the named view, else the first', () => {
    const views = visibleViews(child('full', full), false);
    expect(shownView(views, null, '')).toBe('events');
    expect(shownView(views, 'meetings', '')).toBe('meetings');
    expect(shownView(views, 'meetings', '#questions')).toBe('questions');
    expect(shownView(views, null, '#child-messages')).toBe('child');
    // The flags are above every view: their anchor keeps the one named.
    expect(shownView(views, 'plan', '#flags')).toBe('plan');
    expect(shownView(views, 'nonsense', '#nothing')).toBe('events');
    // A view this reader does not have falls back to the first.
    expect(shownView(['hub'], 'plan', '#plan')).toBe('hub');
    expect(sectionOf('#%E0%A4%A')).toBe('');
  });

  it('a link to a section names its view, so it works from the page and from elsewhere', () => {
    expect(sectionLink(sectionIds.decisions)).toBe('?view=meetings#decisions');
    expect(sectionLink(sectionIds.firstMeeting, 'c1')).toBe('/children/c1?view=hub#first-meeting');
    expect(sectionLink(sectionIds.flags)).toBe('#flags');
  });
});
