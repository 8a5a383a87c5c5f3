import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { FailedJob, JobList, JobQuery, NotificationParams } from '../../common/schemas/notifications.ts';
import { audit } from '../audit/write.ts';
import { hasRole, type Actor } from '../context.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { actorOf } from '../http/auth-plugin.ts';
import { api, errorResponses } from '../http/route.ts';
import { publish } from '../notify/channel.ts';
import { JOBS_CHANNEL } from './index.ts';
import { jobs } from './tables.ts';

function authorizeJobs(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins see background jobs.');
}

const present = (j: typeof jobs.$inferSelect) => ({
  id: j.id,
  kind: j.kind,
  attempts: j.attempts,
  lastError: j.lastError,
  runAt: j.runAt.toISOString(),
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** The tenant admin's view of background work that failed (e.g. the mail server was down), and a retry. */
export function jobRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/admin/jobs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Background jobs of my tenant that failed after every retry (or are still pending)',
        querystring: JobQuery,
        response: { 200: JobList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorizeJobs(actor);
      const rows = await deps.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, actor.tenantId), eq(jobs.status, req.query.status)))
        .orderBy(desc(jobs.runAt))
        .limit(200);
      return { items: rows.map(present) };
    },
  );

  r.post(
    '/api/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Try a failed job again now, with a fresh set of attempts',
        params: NotificationParams,
        response: { 200: FailedJob, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorizeJobs(actor);
      return deps.db.transaction(async (tx) => {
        const [row] = await tx
          .update(jobs)
          .set({ status: 'pending', attempts: 0, runAt: new Date(), finishedAt: null })
          .where(and(eq(jobs.id, req.params.id), eq(jobs.tenantId, actor.tenantId), eq(jobs.status, 'failed')))
          .returning();
        if (!row) throw errors.notFound('failed job');
        await publish(tx, JOBS_CHANNEL, row.kind);
        await audit(tx, { action: 'job.retried', entity: 'job', entityId: row.id, detail: { kind: row.kind } });
        return present(row);
      });
    },
  );
}
