import { buildTenant } from '../factories.ts';
import type { Client, TestApp } from '../harness.ts';
import { ok } from './world.ts';

/*
 * One collaboration per municipality for the matrix: X's is tenant A's, run
 * by A's coordinator; Z's is tenant B's, run by B's admin. Each has two
 * parties, a representative, a decision with a PDF, a proposal, a planned
 * review and a draft governance document. A's tenant admin also holds an
 * invitation from B, to answer.
 */

export interface CollabSide {
  id: string;
  partyIds: [string, string];
  personId: string;
  decisionId: string;
  proposalId: string;
  reviewId: string;
  /** A collaboration of B that invites A (X side) or one that A has nothing to do with (Z side). */
  invitationId: string;
  /** Runs this side's collaboration: A's coordinator or B's admin. */
  runner: Client;
}

const pdf = Buffer.from('%PDF-1.4\ntrailer<<>>\n%%EOF\n', 'latin1').toString('base64');

async function side(runner: Client, orgId: string, repUserId: string, name: string) {
  const c = ok<{ id: string }>(await runner.post('/api/collaborations', { name }), 201, 'collaboration');
  const url = `/api/collaborations/${c.id}`;
  ok(await runner.post(`${url}/parties`, { organisationId: orgId, kind: 'social_services' }), 200, 'party 1');
  const parties = ok<{ parties: { id: string }[] }>(
    await runner.post(`${url}/parties`, { name: 'BUP Region', kind: 'child_psychiatry' }),
    200,
    'party 2',
  ).parties;
  const people = ok<{ people: { id: string; role: string }[] }>(
    await runner.post(`${url}/people`, {
      role: 'strategic_representative',
      partyId: parties[0]!.id,
      userId: repUserId,
    }),
    200,
    'person',
  ).people;
  const decisions = ok<{ decisions: { id: string }[] }>(
    await runner.post(`${url}/decisions`, {
      partyId: parties[0]!.id,
      decidedBy: 'Socialnämnden',
      decidedOn: '2026-10-01',
      document: { filename: 'beslut.pdf', contentBase64: pdf },
    }),
    201,
    'decision',
  ).decisions;
  const proposal = ok<{ id: string }>(
    await runner.post(`${url}/proposals`, { title: 'Gemensam rutin', origin: 'other' }),
    201,
    'proposal',
  );
  const reviews = ok<{ reviews: { id: string }[] }>(
    await runner.post(`${url}/reviews`, { dueOn: '2027-10-01' }),
    201,
    'review',
  ).reviews;
  ok(await runner.post(`${url}/governance`, { lang: 'sv' }), 201, 'governance draft');
  return {
    id: c.id,
    partyIds: [parties[0]!.id, parties[1]!.id] as [string, string],
    personId: people.find((p) => p.role === 'strategic_representative')!.id,
    decisionId: decisions[0]!.id,
    proposalId: proposal.id,
    reviewId: reviews[0]!.id,
    runner,
  };
}

export async function buildCollaborationSides(
  t: TestApp,
  a: { runner: Client; orgId: string; repUserId: string; tenantId: string },
  b: { runner: Client; orgId: string; repUserId: string },
) {
  const x = await side(a.runner, a.orgId, a.repUserId, 'Samverkan X');
  const z = await side(b.runner, b.orgId, b.repUserId, 'Samverkan Z');
  /** A new collaboration of B that invites A: what A's tenant admin answers. */
  const inviteA = async () => {
    const c = ok<{ id: string }>(await b.runner.post('/api/collaborations', { name: 'Inbjudan' }), 201, 'invitation');
    ok(await b.runner.post(`/api/collaborations/${c.id}/invitations`, { tenantId: a.tenantId }), 200, 'invite A');
    return c.id;
  };
  const collab: { x: CollabSide; z: CollabSide } = {
    x: { ...x, invitationId: await inviteA() },
    z: { ...z, invitationId: z.id },
  };
  /** A municipality no collaboration knows yet, to invite. */
  const newTenant = async () => (await buildTenant(t.database.db, { name: 'Bräcke kommun (test)' })).id;
  return { ...collab, inviteA, newTenant };
}
export type CollabWorld = Awaited<ReturnType<typeof buildCollaborationSides>>;
