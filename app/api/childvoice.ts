import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ChildMessage,
  ChildMessageList,
  ChildOwnMessage,
  type ChildMessageAnswerBody,
  type ChildMessageBody,
} from '../../common/schemas/childvoice.ts';
import { childViewKeys } from './childView.ts';
import { call } from './client.ts';

export const childVoiceKeys = {
  messages: (childId: string) => ['children', 'detail', childId, 'child-messages'] as const,
};

/** The hub's view of what the child wrote. */
export function useChildMessages(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: childVoiceKeys.messages(childId),
    queryFn: ({ signal }) => call(ChildMessageList, 'GET', `/api/children/${childId}/child-messages`, { signal }),
    enabled,
  });
}

export function useAnswerChildMessage(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: ChildMessageAnswerBody }) =>
      call(ChildMessage, 'POST', `/api/children/${childId}/child-messages/${messageId}/answer`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: childVoiceKeys.messages(childId) }),
  });
}

/** The child sends a message from their own page (child cookie). */
export function useSendChildMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChildMessageBody) => call(ChildOwnMessage, 'POST', '/api/child-view/messages', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: childViewKeys.me }),
  });
}
