import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CalendarFeed,
  Decision,
  DecisionList,
  Meeting,
  MeetingList,
  Minutes,
  type AgendaItemBody,
  type AttendanceBody,
  type AgendaItemPatch,
  type DecisionBody,
  type DecisionPatch,
  type InviteBody,
  type MeetingBody,
  type ResponseBody,
} from '../../../common/schemas/meetings.ts';
import { Hub } from '../../../common/schemas/hub.ts';
import { call } from '../../api/client.ts';
import { hubKeys } from '../../api/hub.ts';

/** Meetings, a child's meetings and decisions, and the task list are refreshed together after a write. */
export const meetingKeys = {
  all: ['meetings'] as const,
  meeting: (id: string) => [...meetingKeys.all, 'meeting', id] as const,
  child: (childId: string) => [...meetingKeys.all, 'child', childId] as const,
  childMeetings: (childId: string, when: string) => [...meetingKeys.child(childId), 'meetings', when] as const,
  childDecisions: (childId: string) => [...meetingKeys.child(childId), 'decisions'] as const,
  tasks: () => [...meetingKeys.all, 'tasks'] as const,
  feed: () => [...meetingKeys.all, 'feed'] as const,
};

const path = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(id),
    queryFn: ({ signal }) => call(Meeting, 'GET', path(id), { signal }),
  });
}

/** The hub of a child's meeting (to invite and to name owners); nothing for meetings without a child. */
export function useMeetingHub(childId: string | null) {
  return useQuery({
    queryKey: hubKeys.members(childId ?? ''),
    queryFn: ({ signal }) => call(Hub, 'GET', `/api/children/${encodeURIComponent(childId ?? '')}/hub`, { signal }),
    enabled: Boolean(childId),
  });
}

export function useChildMeetings(childId: string, when: 'upcoming' | 'past' | 'all', enabled = true) {
  return useQuery({
    queryKey: meetingKeys.childMeetings(childId, when),
    queryFn: ({ signal }) =>
      call(MeetingList, 'GET', `/api/children/${encodeURIComponent(childId)}/meetings`, { query: { when }, signal }),
    enabled,
  });
}

export function useChildDecisions(childId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.childDecisions(childId),
    queryFn: ({ signal }) =>
      call(DecisionList, 'GET', `/api/children/${encodeURIComponent(childId)}/decisions`, {
        query: { status: 'open' },
        signal,
      }),
    enabled,
  });
}

function isMeeting(data: unknown): data is Meeting {
  return typeof data === 'object' && data !== null && 'participants' in data && 'agenda' in data;
}

/** Every write here refreshes all meeting data: a decision shows on the meeting, the child and the task list. */
function useMeetingsMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      // A write that answers with the whole meeting shows at once, before the refetch.
      if (isMeeting(data)) queryClient.setQueryData(meetingKeys.meeting(data.id), data);
      // Not awaited: the form that caused the write resets at once, not after the refetch,
      // so nothing typed into it meanwhile is wiped.
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });
}

export function useCreateMeeting() {
  return useMeetingsMutation((body: MeetingBody) => call(Meeting, 'POST', '/api/meetings', { body }));
}

export function useTransition(id: string) {
  return useMeetingsMutation(({ to, reason }: { to: 'start' | 'close' | 'cancel'; reason?: string }) =>
    call(Meeting, 'POST', `${path(id)}/${to}`, to === 'cancel' ? { body: { reason } } : {}),
  );
}

export function useRespond(id: string) {
  return useMeetingsMutation((body: ResponseBody) => call(Meeting, 'PUT', `${path(id)}/response`, { body }));
}

export function useInvite(id: string) {
  return useMeetingsMutation((body: InviteBody) => call(Meeting, 'POST', `${path(id)}/participants`, { body }));
}

export function useRemoveParticipant(id: string) {
  return useMeetingsMutation((participantId: string) =>
    call(Meeting, 'DELETE', `${path(id)}/participants/${encodeURIComponent(participantId)}`),
  );
}

export function useAddAgendaItem(id: string) {
  return useMeetingsMutation((body: AgendaItemBody) => call(Meeting, 'POST', `${path(id)}/agenda`, { body }));
}

export function useUpdateAgendaItem(id: string) {
  return useMeetingsMutation(({ itemId, body }: { itemId: string; body: AgendaItemPatch }) =>
    call(Meeting, 'PATCH', `${path(id)}/agenda/${encodeURIComponent(itemId)}`, { body }),
  );
}

export function useRemoveAgendaItem(id: string) {
  return useMeetingsMutation((itemId: string) =>
    call(Meeting, 'DELETE', `${path(id)}/agenda/${encodeURIComponent(itemId)}`),
  );
}

/** Saving the minutes: a 409 carries the current text, which the editor merges (see Minutes.tsx). */
export function useSaveMinutes(id: string) {
  return useMeetingsMutation((body: { text: string; version: number }) =>
    call(Minutes, 'PUT', `${path(id)}/minutes`, { body }),
  );
}

export function useAmend(id: string) {
  return useMeetingsMutation((text: string) => call(Meeting, 'POST', `${path(id)}/amendments`, { body: { text } }));
}

export function useCreateDecision(id: string) {
  return useMeetingsMutation((body: DecisionBody) => call(Decision, 'POST', `${path(id)}/decisions`, { body }));
}

export function useUpdateDecision() {
  return useMeetingsMutation(({ id, body }: { id: string; body: DecisionPatch }) =>
    call(Decision, 'PATCH', `/api/decisions/${encodeURIComponent(id)}`, { body }),
  );
}

// ---- the private calendar feed ----

export function useCalendarFeed() {
  return useQuery({
    queryKey: meetingKeys.feed(),
    queryFn: ({ signal }) => call(CalendarFeed, 'GET', '/api/me/calendar-feed', { signal }),
  });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(CalendarFeed, 'POST', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.feed() }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(CalendarFeed, 'DELETE', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.feed() }),
  });
}

export function useRecordAttendance(id: string) {
  return useMeetingsMutation((body: AttendanceBody) => call(Meeting, 'PUT', `${path(id)}/attendance`, { body }));
}
