import type { FastifyInstance } from 'fastify';
import {
  MarkAllRead,
  Notification,
  NotificationList,
  NotificationParams,
  NotificationQuery,
  StreamNotice,
} from '../../../common/schemas/notifications.ts';
import type { Deps } from '../../deps.ts';
import { findLiveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { createLiveHub } from './live.ts';
import * as service from './service.ts';

/** Seconds between keep-alive comments; the session is checked at each. */
const HEARTBEAT_MS = 25_000;

/** The signed-in user's notices: list, read, acknowledge, and the live stream. */
export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const hub = createLiveHub(deps);
  app.addHook('onReady', () => hub.start());
  app.addHook('preClose', (done) => {
    hub.endAll();
    done();
  });
  app.addHook('onClose', () => hub.stop());

  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notices, newest first, with the unread count',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (req) => service.listNotifications(deps, actorOf(req), req.query),
  );

  r.get(
    '/api/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Live notices as server-sent events (Accept: text/event-stream)',
        description:
          'Event "unread" {unreadCount} on connect; event "notice" {notification, unreadCount} for each new notice, from any server process.',
        response: { 200: StreamNotice, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!(req.headers.accept ?? '').includes('text/event-stream'))
        throw errors.badRequest('event_stream_only', 'This route answers only Accept: text/event-stream.');
      const unreadCount = await service.unreadCount(deps, actor);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      res.write('retry: 3000\n\n');
      send('unread', { unreadCount });
      const remove = hub.add({
        actor,
        notice: (notification, unread) => send('notice', { notification, unreadCount: unread }),
        end: () => res.end(),
      });
      const token = req.cookies[SESSION_COOKIE] ?? '';
      const times = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
      // A page left open does not keep a session alive; when it ends, so does the stream.
      const heartbeat = setInterval(() => {
        findLiveSession(deps.db, token, times)
          .then((s) => (s ? res.write(': ping\n\n') : res.end()))
          .catch(() => res.end());
      }, HEARTBEAT_MS);
      heartbeat.unref();
      res.on('close', () => {
        clearInterval(heartbeat);
        remove();
      });
    },
  );

  r.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my unread notices read (acknowledgements are never implied)',
        response: { 200: MarkAllRead, ...errorResponses },
      },
    },
    async (req) => service.markAllRead(deps, actorOf(req)),
  );

  for (const what of ['read', 'acknowledged'] as const) {
    r.post(
      what === 'read' ? '/api/notifications/:id/read' : '/api/notifications/:id/acknowledge',
      {
        schema: {
          tags: ['notifications'],
          summary:
            what === 'read'
              ? 'Mark one of my notices read'
              : 'Acknowledge one of my notices (“I have seen this”): recorded with time, stops escalation',
          params: NotificationParams,
          response: { 200: Notification, ...errorResponses },
        },
      },
      async (req) => service.mark(deps, actorOf(req), req.params.id, what),
    );
  }
}
