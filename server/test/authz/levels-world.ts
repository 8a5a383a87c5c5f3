import type { Role } from '../../../common/roles.ts';
import { collaborationPeople, collaborationTenants, collaborations } from '../../domain/collaboration/tables.ts';
import { meetings } from '../../domain/meetings/tables.ts';
import { eq } from 'drizzle-orm';
import { buildUser, TEST_PASSWORD } from '../factories.ts';
import { login, type Client, type TestApp } from '../harness.ts';
import { inDays, ok } from './world.ts';

/*
 * The strategic and operational levels in the matrix (rules-levels.ts): a
 * collaboration of tenant A (side x), where the manager is the forum's
 * representative and the coordinator runs both levels, and one of tenant B
 * (side z) that A's users must not find. Collaboration rows go straight into
 * the tables (creating collaborations is the collaboration core's route);
 * everything inside them is made through the API.
 */

export interface LevelSide {
  collaborationId: string;
  questionId: string;
  routineId: string;
  seriesId: string;
  /** A closed forum meeting (feedback) and an open one (agenda). */
  closedMeetingId: string;
  openMeetingId: string;
  barrierId: string;
  /** Who runs the side's levels: makes fresh entities for the writes that use one up. */
  runner: Client;
}

async function side(
  t: TestApp,
  tenantId: string,
  coordinator: { id: string; client: Client },
  representative: { id: string; name: string } | null,
): Promise<LevelSide> {
  const db = t.database.db;
  const [collab] = await db
    .insert(collaborations)
    .values({ name: 'Samverkan (matris)', ownerTenantId: tenantId, createdBy: coordinator.id })
    .returning();
  const id = collab!.id;
  await db.insert(collaborationTenants).values({ collaborationId: id, tenantId, status: 'accepted' });
  if (representative)
    await db.insert(collaborationPeople).values({
      collaborationId: id,
      role: 'operational_representative',
      userId: representative.id,
      tenantId,
      name: representative.name,
    });
  const c = coordinator.client;
  const base = `/api/collaborations/${id}`;
  const question = ok<{ id: string }>(
    await c.post(`${base}/questions`, { title: 'Tolk', text: 'Vem bokar tolk?' }),
    201,
    'forum question',
  );
  const routine = ok<{ id: string }>(
    await c.post(`${base}/routines`, {
      title: 'Tolk',
      level: 'operational',
      roles: ['school_mentor', 'social_worker'],
      text: 'Skolan bokar.',
    }),
    201,
    'routine',
  );
  ok(await c.post(`${base}/routines/${routine.id}/adopt`, { version: 1, decision: 'Forum §1' }), 200, 'adopt');
  const series = ok<{ id: string; meetings: { id: string }[] }>(
    await c.post(`${base}/series`, {
      level: 'operational',
      title: 'Forum',
      startsAt: `${inDays(3)}T09:00`,
      durationMinutes: 60,
      frequency: 'weekly',
      count: 3,
    }),
    201,
    'series',
  );
  const closed = series.meetings[0]!.id;
  await db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, closed));
  const barrier = ok<{ id: string }>(
    await c.post(`${base}/barriers`, {
      type: 'knowledge',
      description: 'Okunskap om sekretess',
      ownerUserId: coordinator.id,
      dueOn: inDays(30),
      level: 'operational',
    }),
    201,
    'barrier',
  );
  return {
    collaborationId: id,
    questionId: question.id,
    routineId: routine.id,
    seriesId: series.id,
    closedMeetingId: closed,
    openMeetingId: series.meetings[1]!.id,
    barrierId: barrier.id,
    runner: c,
  };
}

/** The levels of sides x (tenant A) and z (tenant B). */
export async function buildLevels(
  t: TestApp,
  a: { tenantId: string; coordinator: { id: string }; coordinatorClient: Client; manager: { id: string } },
  b: { tenantId: string; organisationId: string },
): Promise<{ x: LevelSide; z: LevelSide }> {
  const x = await side(
    t,
    a.tenantId,
    { id: a.coordinator.id, client: a.coordinatorClient },
    { id: a.manager.id, name: 'Vuxen manager' },
  );
  const role: Role = 'coordinator';
  const bCoordinator = await buildUser(t.database.db, { tenantId: b.tenantId, organisationId: b.organisationId, role });
  const z = await side(
    t,
    b.tenantId,
    { id: bCoordinator.id, client: await login(t.app, bCoordinator.email, TEST_PASSWORD) },
    null,
  );
  return { x, z };
}
