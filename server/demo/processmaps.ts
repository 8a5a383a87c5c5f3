import type { Db } from '../db/connect.ts';
import { processMaps, processMapVersions, processMapWorkshops } from '../domain/processmaps/tables.ts';
import { starterMapXml } from '../domain/processmaps/starter.ts';

/**
 * The demo collaboration's process map: the starter map of the asylum path as
 * version 1, with the mapping workshop that made step 2 of the roadmap done.
 */
export async function seedDemoProcessMap(tx: Db, collaborationId: string, coordinatorUserId: string): Promise<void> {
  const [map] = await tx
    .insert(processMaps)
    .values({
      collaborationId,
      title: 'Barnets väg genom asylprocessen',
      level: 'operational',
      createdBy: coordinatorUserId,
    })
    .returning({ id: processMaps.id });
  await tx.insert(processMapVersions).values({
    mapId: map!.id,
    number: 1,
    xml: await starterMapXml(),
    note: 'Startkartan',
    savedBy: coordinatorUserId,
  });
  await tx.insert(processMapWorkshops).values({
    mapId: map!.id,
    heldOn: '2026-09-15',
    title: 'Kartläggning av barnets väg',
    participants: [
      { name: 'Samir Haddad', party: 'Socialtjänsten Strömsund' },
      { name: 'Kerstin Krok', party: 'Socialtjänsten Krokom' },
      { name: 'Cecilia Norén', party: 'Skolan' },
      { name: 'Gustav Eld', party: 'Överförmyndaren' },
    ],
    recordedBy: coordinatorUserId,
  });
}
