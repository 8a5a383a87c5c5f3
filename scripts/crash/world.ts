import { z } from 'zod';
import type { Client } from './client.ts';

/** The demo tenant as the load needs it: the children by name, and who holds which place in each hub. */
export interface Member {
  memberId: string;
  userId: string;
  hubRole: string;
  organisationId: string;
}

export interface ChildInWorld {
  id: string;
  name: string;
  members: Member[];
}

export type World = Map<string, ChildInWorld>;

const uuid = z.string().uuid();
const ChildList = z.object({ items: z.array(z.object({ id: uuid, displayName: z.string() })) });
const Hub = z.object({
  members: z.array(
    z.object({
      memberId: uuid,
      userId: uuid,
      hubRole: z.string(),
      organisation: z.object({ id: uuid }),
    }),
  ),
});

/** Reads the children and their hubs through the API, as the social worker sees them. */
export async function readWorld(client: Client): Promise<World> {
  const list = await client.get('/api/children?pageSize=50', ChildList);
  const world: World = new Map();
  for (const c of list.items) {
    const hub = await client.get(`/api/children/${c.id}/hub`, Hub);
    world.set(c.displayName, {
      id: c.id,
      name: c.displayName,
      members: hub.members.map((m) => ({
        memberId: m.memberId,
        userId: m.userId,
        hubRole: m.hubRole,
        organisationId: m.organisation.id,
      })),
    });
  }
  return world;
}

export function childNamed(world: World, name: string): ChildInWorld {
  const child = world.get(name);
  if (!child) throw new Error(`the demo child ${name} is missing (is this the demo tenant?)`);
  return child;
}

export function memberOf(child: ChildInWorld, hubRole: string): Member {
  const member = child.members.find((m) => m.hubRole === hubRole);
  if (!member) throw new Error(`${child.name} has no ${hubRole} in the hub`);
  return member;
}
