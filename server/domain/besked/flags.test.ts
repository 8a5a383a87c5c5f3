import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeskedView } from '../../../common/schemas/besked.ts';
import { todayInSweden, type ChildFlags } from '../../../common/schemas/children.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, consentForHub, type HubWorld, type Person } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const url = (w: HubWorld) => `/api/children/${w.child.id}/besked`;

async function tell(w: HubWorld, who: Person, summary: string) {
  const res = await w.clients[who].post(`${url(w)}/entries`, {
    topic: 'return',
    toldOn: todayInSweden(),
    summary,
    language: 'prs',
    interpreterUsed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res
    .json<BeskedView>()
    .topics.find((x) => x.topic.key === 'return')!
    .entries.find((e) => e.summary === summary)!;
}

/** The child's flags where a social worker meets them: "my children", the child's page and its overview. */
async function flagsEverywhere(w: HubWorld): Promise<ChildFlags[]> {
  const c = w.clients.social_worker;
  const list = (await c.get('/api/children')).json<{ items: { id: string; flags: ChildFlags }[] }>();
  const detail = (await c.get(`/api/children/${w.child.id}`)).json<{ flags: ChildFlags }>();
  const overview = (await c.get(`/api/children/${w.child.id}/overview`)).json<{ child: { flags: ChildFlags } }>();
  return [list.items.find((i) => i.id === w.child.id)!.flags, detail.flags, overview.child.flags];
}

describe('a besked contradiction flags the child', () => {
  it('in "my children", on the child’s page and in its overview, until the hub agrees its line', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const a = await tell(w, 'social_worker', 'Beslutet kan överklagas.');
    const b = await tell(w, 'school_mentor', 'Du får stanna.');
    for (const f of await flagsEverywhere(w)) expect(f.beskedContradictions).toBe(0);

    const marked = await w.clients.contact_person.post(`${url(w)}/contradictions`, {
      entryIds: [a.id, b.id],
      note: 'Olika besked om framtiden',
    });
    expect(marked.statusCode).toBe(201);
    for (const f of await flagsEverywhere(w)) expect(f).toMatchObject({ beskedContradictions: 1, attention: true });

    const agreed = await w.clients.god_man.put(`${url(w)}/lines/return`, {
      text: 'Beslutet gäller; vi hjälper dig att överklaga.',
      tellerMemberId: w.members.social_worker,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    for (const f of await flagsEverywhere(w)) expect(f.beskedContradictions).toBe(0);
  });
});
