import { z } from 'zod';
import { ChildDetail } from './children.ts';
import { DeadlineList } from './events.ts';
import { Hub, QuestionList } from './hub.ts';
import { MeetingList } from './meetings.ts';

/**
 * What the child page shows first, in one request (GET /api/children/:id/overview). Each part is
 * exactly what its own endpoint answers, so the client can seed those queries from it.
 */
export const ChildOverview = z.object({
  /** As GET /api/children/:id. */
  child: ChildDetail,
  /** As GET /api/children/:id/hub. */
  hub: Hub,
  /** As GET /api/children/:id/deadlines; null for a reader without the full view. */
  deadlines: DeadlineList.nullable(),
  /** As GET /api/children/:id/meetings?when=upcoming; null without the full view. */
  upcomingMeetings: MeetingList.nullable(),
  /** As GET /api/children/:id/questions?status=all; null for a reader who may not read them. */
  questions: QuestionList.nullable(),
});
export type ChildOverview = z.infer<typeof ChildOverview>;
