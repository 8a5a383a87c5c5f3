import { readFileSync } from 'node:fs';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { describe as suite, expect, it } from 'vitest';
import { type AppError } from '../../errors.ts';
import { describe, parseBpmn, writeBpmn } from './bpmn.ts';
import { readLinks, writeLinks } from './bpmn-links.ts';
import { compareMaps } from './compare.ts';
import { starterMapXml } from './starter.ts';
import * as tables from './tables.ts';

const fixture = readFileSync(new URL('./fixtures/hand-made.bpmn', import.meta.url), 'utf8');

async function refusal(xml: string) {
  try {
    await parseBpmn(xml);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('accepted');
}

suite('BPMN in and out with bpmn-moddle', () => {
  it('the starter map holds the asylum path, a lane per actor, Swedish names with English beside', async () => {
    const { elements, lanes } = describe(await parseBpmn(await starterMapXml()));
    expect(lanes.map((l) => l.name)).toEqual([
      'Barnet',
      'Migrationsverket',
      'Socialtjänsten',
      'God man och överförmyndare',
      'HVB eller familjehem',
      'Skolan',
      'Hälso- och sjukvård, BUP',
    ]);
    const first = elements.find((e) => e.id === 'Task_FirstHub');
    expect(first).toMatchObject({ name: 'Första nätverksmötet', nameEn: 'First hub meeting', laneId: 'Lane_Social' });
    expect(elements.filter((e) => e.type === 'EndEvent').map((e) => e.nameEn)).toEqual(
      expect.arrayContaining(['The child returns', 'The child turns 18', 'The child leaves the municipality']),
    );
    expect(await starterMapXml()).toContain('<bpmndi:BPMNShape id="Task_FirstHub_di"');
  });

  it('round trip: export → import gives the same elements and lanes, Navet attributes kept', async () => {
    const xml = await starterMapXml();
    const again = await writeBpmn(await parseBpmn(xml));
    expect(describe(await parseBpmn(again))).toEqual(describe(await parseBpmn(xml)));
    expect(again).toContain('navet:nameEn="First hub meeting"');
  });

  it('links travel in the navet namespace: written, read back the same, foreign or broken ones left out', async () => {
    const links = [
      {
        elementId: 'Task_Placement',
        kind: 'child',
        ref: 'placement',
        fromElementId: null,
        expectedDays: null,
        workingDays: false,
        before: false,
      },
      {
        elementId: 'Task_FirstHub',
        kind: 'meeting',
        ref: 'first_hub',
        fromElementId: 'Task_Placement',
        expectedDays: 14,
        workingDays: false,
        before: false,
      },
      {
        elementId: 'Task_Rejection',
        kind: 'event',
        ref: 'asylum_rejected',
        fromElementId: 'Task_Placement',
        expectedDays: 1,
        workingDays: true,
        before: false,
      },
      // The plan at least 90 days before the 18th birthday.
      {
        elementId: 'Task_ReturnTalks',
        kind: 'plan',
        ref: 'sip_adopted',
        fromElementId: 'End_Eighteen',
        expectedDays: 90,
        workingDays: false,
        before: true,
      },
      {
        elementId: 'End_Eighteen',
        kind: 'child',
        ref: 'turns_18',
        fromElementId: null,
        expectedDays: null,
        workingDays: false,
        before: false,
      },
    ] as const;
    const xml = await writeBpmn(writeLinks(await parseBpmn(await starterMapXml()), [...links]));
    expect(xml).toContain('xmlns:navet="urn:navet:bpmn:1"');
    expect(xml).toMatch(
      /id="Task_FirstHub"[^>]*navet:link="meeting:first_hub"[^>]*navet:expectedFrom="Task_Placement"[^>]*navet:expectedDays="14"/,
    );
    expect(xml).toMatch(
      /id="Task_ReturnTalks"[^>]*navet:link="plan:sip_adopted"[^>]*navet:expectedFrom="End_Eighteen"[^>]*navet:expectedDays="90"[^>]*navet:before="true"/,
    );
    expect(xml.match(/navet:before=/g)).toHaveLength(1);
    const again = await parseBpmn(xml);
    expect(readLinks(again)).toEqual([...links]);
    expect(describe(again)).toEqual(describe(await parseBpmn(await starterMapXml())));
    // Written again without links: none left behind.
    expect(await writeBpmn(writeLinks(again, []))).not.toContain('navet:link');
    // An unknown event type, a negative time or a time from an unlinked element is not taken from a file.
    const bad = xml
      .replace('navet:link="event:asylum_rejected"', 'navet:link="event:asylum_lost"')
      .replace('navet:expectedDays="14"', 'navet:expectedDays="-3"');
    expect(readLinks(await parseBpmn(bad)).map((l) => l.elementId)).toEqual([
      'Task_Placement',
      'Task_ReturnTalks',
      'End_Eighteen',
    ]);
    const orphan = xml.replace('navet:link="child:placement"', '');
    expect(readLinks(await parseBpmn(orphan))).toEqual([
      { ...links[1], fromElementId: null, expectedDays: null },
      { ...links[2], fromElementId: null, expectedDays: null },
      links[3],
      links[4],
    ]);
    // Without its birthday the plan is a plain link, no longer "before"; "before" without a time is not taken.
    const noBirthday = xml.replace('navet:link="child:turns_18"', '');
    expect(readLinks(await parseBpmn(noBirthday))[3]).toEqual({
      ...links[3],
      fromElementId: null,
      expectedDays: null,
      before: false,
    });
    const bare = xml.replace(/navet:expectedFrom="End_Eighteen"\s+navet:expectedDays="90"/, '');
    expect(bare).not.toContain('navet:expectedFrom="End_Eighteen"');
    expect(readLinks(await parseBpmn(bare)).map((l) => l.elementId)).not.toContain('Task_ReturnTalks');
  });

  it('a hand-written BPMN file imports without losing elements', async () => {
    const d = describe(await parseBpmn(fixture));
    expect(d.elements.map((e) => `${e.type}:${e.id}:${e.laneId}`)).toEqual([
      'StartEvent:S_Start:L_Social',
      'UserTask:T_Meeting:L_Social',
      'Task:T_Mentor:L_School',
      'EndEvent:E_End:L_School',
    ]);
    expect(describe(await parseBpmn(await writeBpmn(await parseBpmn(fixture))))).toEqual(d);
  });

  it('XXE: an external entity is refused before parsing, nothing read', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${fixture.replace('name="Klart"', 'name="&x;"').replace(/^<\?xml[^>]*>/, '')}`;
    const e = await refusal(xxe);
    expect(e.status).toBe(400);
    expect(e.issues?.map((i) => i.path)).toEqual(['body.xml']);
  });

  it('billion laughs: nested entities are refused, nothing expanded', async () => {
    const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="&lol2;"/></process></definitions>`;
    expect((await refusal(lol)).status).toBe(400);
    expect((await refusal('<!doctype html><html/>')).status).toBe(400);
  });

  it('malformed XML, XML that is not BPMN and BPMN without a process are 400; too large is 413', async () => {
    for (const bad of [
      '<a><b></a>',
      'hello',
      '<foo xmlns="urn:x"/>',
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>',
    ])
      expect((await refusal(bad)).issues?.[0]?.path).toBe('body.xml');
    expect((await refusal(fixture + ' '.repeat(600 * 1024))).status).toBe(413);
  });

  it('compare lists elements and lanes added, removed, renamed and moved', () => {
    const a = {
      lanes: [
        { id: 'L1', name: 'Skola' },
        { id: 'L2', name: 'Soc' },
      ],
      elements: [
        { id: 'T1', type: 'Task', name: 'Möte', nameEn: null, laneId: 'L1' },
        { id: 'T2', type: 'Task', name: 'Gammal', nameEn: null, laneId: 'L1' },
      ],
    };
    const b = {
      lanes: [
        { id: 'L1', name: 'Skolan' },
        { id: 'L3', name: 'BUP' },
      ],
      elements: [
        { id: 'T1', type: 'Task', name: 'Möte', nameEn: null, laneId: 'L3' },
        { id: 'T3', type: 'Task', name: 'Ny', nameEn: null, laneId: 'L1' },
      ],
    };
    expect(compareMaps(a, b).map((c) => `${c.kind} ${c.type} ${c.id} ${c.before ?? ''}→${c.after ?? ''}`)).toEqual([
      'added Lane L3 →',
      'removed Lane L2 →',
      'renamed Lane L1 Skola→Skolan',
      'added Task T3 →',
      'removed Task T2 →',
      'moved Task T1 Skola→BUP',
    ]);
  });

  it('no table of process maps refers to a child', () => {
    const CHILD_NAME = /child|barn|minor|pupil|student|case_?number|personnummer|person_?number|date_of_birth|born/i;
    const all = (Object.values(tables) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .map((t) => getTableConfig(t));
    expect(all.map((t) => t.name).sort()).toEqual([
      'process_map_annotations',
      'process_map_links',
      'process_map_versions',
      'process_map_workshops',
      'process_maps',
    ]);
    const offending = all.flatMap((t) => [
      ...t.columns.filter((c) => CHILD_NAME.test(c.name)).map((c) => `${t.name}.${c.name}`),
      ...t.foreignKeys
        .map((fk) => getTableConfig(fk.reference().foreignTable).name)
        .filter((n) => CHILD_NAME.test(n) || n === 'hub_members'),
    ]);
    expect(offending).toEqual([]);
  });
});
