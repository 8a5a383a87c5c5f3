import { z } from 'zod';
import type { Client } from './client.ts';
import type { Ledger, TextAck } from './ledger.ts';

const uuid = z.string().uuid();
const Plan = z.object({
  status: z.string(),
  measures: z.array(z.object({ id: uuid, description: z.string() })),
});
const Meeting = z.object({
  title: z.string(),
  participants: z.array(z.object({ userId: uuid.nullable(), organiser: z.boolean() })),
  agenda: z.array(z.object({ id: uuid, title: z.string() })),
});
const Events = z.object({ items: z.array(z.object({ id: uuid, note: z.string() })) });
const Besked = z.object({
  topics: z.array(z.object({ entries: z.array(z.object({ id: uuid, summary: z.string() })) })),
});
const Questions = z.object({ items: z.array(z.object({ id: uuid, text: z.string() })) });

function ofRound(acks: Map<string, TextAck>, round: number): [string, TextAck][] {
  return [...acks].filter(([, a]) => a.round === round);
}

async function checkTexts(
  what: string,
  acks: [string, TextAck][],
  read: (childId: string) => Promise<Map<string, string>>,
  out: string[],
): Promise<void> {
  const seen = new Map<string, Map<string, string>>();
  for (const [id, ack] of acks) {
    if (!seen.has(ack.childId)) seen.set(ack.childId, await read(ack.childId));
    const text = seen.get(ack.childId)!.get(id);
    if (text === undefined) out.push(`LOST (API) ${what} ${id} "${ack.text}"`);
    else if (text !== ack.text) out.push(`CHANGED (API) ${what} ${id}: "${text}"`);
  }
}

/**
 * After a restart, what the users see: every write of `round` that was
 * acknowledged reads back through the API with its content.
 */
export async function checkThroughApi(
  socialWorker: Client,
  contactPerson: Client,
  ledger: Ledger,
  round: number,
): Promise<string[]> {
  const out: string[] = [];
  for (const [id, ack] of ledger.plans) {
    if (ack.lastRound !== round) continue;
    const plan = await socialWorker.get(`/api/plans/${id}`, Plan);
    for (const [mid, description] of ack.measures)
      if (!plan.measures.some((m) => m.id === mid && m.description === description))
        out.push(`LOST (API) measure ${mid} "${description}" of plan ${id}`);
    if (ack.ended && plan.status !== 'ended') out.push(`LOST (API) the end of plan ${id}: status ${plan.status}`);
  }
  for (const [id, ack] of ledger.meetings) {
    if (ack.round !== round) continue;
    const meeting = await socialWorker.get(`/api/meetings/${id}`, Meeting);
    if (meeting.title !== ack.title) out.push(`CHANGED (API) meeting ${id}: "${meeting.title}"`);
    if (!meeting.participants.some((p) => p.organiser && p.userId === ack.organiserId))
      out.push(`HALF-WRITTEN (API) meeting ${id}: no organiser among the participants`);
    for (const [aid, title] of ack.agenda)
      if (!meeting.agenda.some((a) => a.id === aid && a.title === title))
        out.push(`LOST (API) agenda item ${aid} "${title}"`);
  }
  await checkTexts(
    'event',
    ofRound(ledger.events, round),
    async (childId) => {
      const list = await socialWorker.get(`/api/children/${childId}/events`, Events);
      return new Map(list.items.map((e) => [e.id, e.note]));
    },
    out,
  );
  await checkTexts(
    'besked',
    ofRound(ledger.besked, round),
    async (childId) => {
      const view = await contactPerson.get(`/api/children/${childId}/besked`, Besked);
      return new Map(view.topics.flatMap((t) => t.entries).map((e) => [e.id, e.summary]));
    },
    out,
  );
  await checkTexts(
    'question',
    ofRound(ledger.questions, round),
    async (childId) => {
      const list = await contactPerson.get(`/api/children/${childId}/questions?status=all`, Questions);
      return new Map(list.items.map((q) => [q.id, q.text]));
    },
    out,
  );
  return out;
}
