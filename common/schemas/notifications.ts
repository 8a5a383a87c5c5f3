import { z } from 'zod';
import { limits } from '../limits.ts';

/**
 * One notice for the signed-in user. The text is built by the client from
 * `kind` and `params` (keys, ids, dates), so nothing sensitive is stored twice.
 */
export const Notification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  urgency: z.enum(['immediate', 'normal']),
  childId: z.string().uuid().nullable(),
  /** The child's name while the user still has the child in scope; null otherwise. */
  childName: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  /** Only notices not yet read. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** The answer to "mark all read": how many were marked now, and what is left unread (none). */
export const MarkAllRead = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
export type MarkAllRead = z.infer<typeof MarkAllRead>;

export const NotificationParams = z.object({ id: z.string().uuid() });

/** Server-sent events on /api/notifications/stream. */
export const StreamUnread = z.object({ unreadCount: z.number().int() });
export const StreamNotice = z.object({ notification: Notification, unreadCount: z.number().int() });
export type StreamNotice = z.infer<typeof StreamNotice>;

/** A background job that gave up: the tenant admin sees why and can try again. */
export const FailedJob = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const JobList = z.object({ items: z.array(FailedJob) });
export type JobList = z.infer<typeof JobList>;
export const JobQuery = z.object({
  status: z.enum(['failed', 'pending']).default('failed'),
});
