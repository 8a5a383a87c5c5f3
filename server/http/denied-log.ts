import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../common/schemas/children.ts';
import { audit } from '../audit/write.ts';
import { ACCESS_DENIED } from '../domain/audit/denied.ts';
import type { Db } from '../db/connect.ts';

/** Routes whose `:id` is a child's id: the child's own routes and the managers' log of a child. */
const childRoute = /^\/api\/(audit\/)?children\/:id(\/|$)/;

/** Whether a route pattern names a child by its `:id` (the bad-input suite and the log share this rule). */
export const isChildRoute = (pattern: string): boolean => childRoute.test(pattern);

/**
 * The health-care logging rule asks for attempts as well as accesses: a signed-in user who gets 403 or 404 on a
 * child's route leaves one `access.denied` row on their own municipality's chain, naming who tried, which child
 * id (whether or not such a child exists, in their municipality or another), the status, the method and the route
 * pattern, and nothing of the child. The child's log and the user's log list it like any other row.
 *
 * Only after authentication and validation: a request without a session says nothing about who tried, and an id
 * that is not well formed names no child (it is a 400 anyway). The refused request's own transaction has rolled
 * back, so the row is written in a transaction of its own, just before the answer leaves.
 */
export function installDeniedLog(app: FastifyInstance, db: Db): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const status = reply.statusCode;
    if (status !== 403 && status !== 404) return payload;
    const actor = req.actor;
    const route = req.routeOptions.url;
    if (!actor || !route || !isChildRoute(route)) return payload;
    const params = IdParams.safeParse(req.params);
    if (!params.success) return payload;
    const childId = params.data.id;
    try {
      await db.transaction((tx) =>
        audit(tx, {
          action: ACCESS_DENIED,
          entity: 'child',
          entityId: childId,
          childId,
          tenantId: actor.tenantId,
          actorUserId: actor.userId,
          organisationId: actor.memberships[0]?.organisationId ?? null,
          detail: { status, method: req.method, route },
        }),
      );
    } catch (err) {
      // The refusal stands either way; a log that cannot be written is an operational alarm, not the caller's.
      req.log.error({ err }, 'a denied attempt could not be logged');
    }
    return payload;
  });
}
