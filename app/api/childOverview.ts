import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChildOverview } from '../../common/schemas/overview.ts';
import { noticeKeys } from '../components/notifications/api.ts';
import { meetingKeys } from '../pages/Meeting/api.ts';
import { childKeys } from './children.ts';
import { call } from './client.ts';
import { hubKeys } from './hub.ts';

/**
 * Outside `childKeys.detail(id)` on purpose: a write refreshes the sections it touched by their own
 * keys, and must not fetch the whole overview again on top of them.
 */
export const overviewKey = (childId: string) => [...childKeys.all, 'overview', childId] as const;

/**
 * The child page's first view in one request. Each part is what its section's own query would
 * answer, so it is put in that query's cache: the child, hub, summary and questions sections then
 * render without asking again, and later refresh by their own keys after a write.
 */
export function useChildOverview(childId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: overviewKey(childId),
    queryFn: async ({ signal }) => {
      const o = await call(ChildOverview, 'GET', `/api/children/${encodeURIComponent(childId)}/overview`, { signal });
      queryClient.setQueryData(childKeys.detail(childId), o.child);
      queryClient.setQueryData(hubKeys.members(childId), o.hub);
      if (o.deadlines) queryClient.setQueryData(noticeKeys.childDeadlines(childId), o.deadlines);
      if (o.upcomingMeetings)
        queryClient.setQueryData(meetingKeys.childMeetings(childId, 'upcoming'), o.upcomingMeetings);
      if (o.questions) queryClient.setQueryData(hubKeys.questions(childId), o.questions);
      return o;
    },
  });
}
