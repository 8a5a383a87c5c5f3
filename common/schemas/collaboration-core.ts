import { z } from 'zod';
import { conflictBody } from '../errors.ts';
import { Version } from './int.ts';
import { limits } from '../limits.ts';
import { CollaborationPersonRole, ParticipationStatus, PartyKind } from './collaboration.ts';

/*
 * The collaboration itself: its municipalities, parties and people. The
 * roadmap (the seven steps) and the governance document have their own files.
 */

const uuid = z.string().uuid();
const name = z.string().trim().min(1).max(limits.nameMax);

export const CollaborationParams = z.object({ id: uuid });
export const PartyParams = z.object({ id: uuid, partyId: uuid });
export const PersonParams = z.object({ id: uuid, personId: uuid });

export const CreateCollaborationBody = z.object({
  /** The collaboration's name, e.g. "Samverkan ensamkommande Strömsund–Krokom". */
  name,
});
export type CreateCollaborationBody = z.infer<typeof CreateCollaborationBody>;

export const RenameCollaborationBody = z.object({
  name,
  /** The version read; a stale one gets 409 with the collaboration as it is now. */
  version: Version,
});
export type RenameCollaborationBody = z.infer<typeof RenameCollaborationBody>;

export const InviteBody = z.object({
  /** The municipality invited, from the directory. */
  tenantId: uuid,
});
export type InviteBody = z.infer<typeof InviteBody>;

export const DirectoryQuery = z.object({
  /** Part of a municipality's name. */
  q: z.string().trim().max(limits.nameMax).optional(),
});
export const MunicipalityDirectory = z.object({
  municipalities: z.array(z.object({ id: uuid, name: z.string() })),
});
export type MunicipalityDirectory = z.infer<typeof MunicipalityDirectory>;

export const PartyBody = z
  .object({
    /** An organisation of a municipality that has accepted; name and kind then come from it unless given. */
    organisationId: uuid.optional(),
    /** An outside party (region, Migrationsverket …) is known by name and kind only. */
    name: name.optional(),
    kind: PartyKind.optional(),
  })
  .strict();
export type PartyBody = z.infer<typeof PartyBody>;

export const PersonBody = z
  .object({
    role: CollaborationPersonRole,
    /** The party represented; required for a representative, none for a coordinator. */
    partyId: uuid.optional(),
    /** A user of Navet in a municipality of the collaboration … */
    userId: uuid.optional(),
    /** … or an outside person, by name. */
    name: name.optional(),
  })
  .strict();
export type PersonBody = z.infer<typeof PersonBody>;

export const CandidateQuery = z.object({ q: z.string().trim().max(limits.nameMax).optional() });
export const Candidates = z.object({
  users: z.array(
    z.object({
      id: uuid,
      displayName: z.string(),
      municipality: z.string(),
      tenantId: uuid,
      organisations: z.array(z.object({ id: uuid, name: z.string() })),
    }),
  ),
});
export type Candidates = z.infer<typeof Candidates>;

export const Municipality = z.object({
  tenantId: uuid,
  name: z.string(),
  status: ParticipationStatus,
  respondedAt: z.string().nullable(),
});

export const Party = z.object({
  id: uuid,
  name: z.string(),
  kind: PartyKind,
  organisationId: uuid.nullable(),
  /** The municipality it belongs to; null for an outside party. */
  tenantId: uuid.nullable(),
  municipality: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const Person = z.object({
  id: uuid,
  role: CollaborationPersonRole,
  partyId: uuid.nullable(),
  userId: uuid.nullable(),
  name: z.string(),
  /** The municipality the person works in; null for someone named from outside. */
  tenantId: uuid.nullable(),
});
export type Person = z.infer<typeof Person>;

export const CollaborationAbilities = z.object({
  /** Rename, invite, parties, people, the steps, decisions, proposals, the governance document, reviews. */
  manage: z.boolean(),
});

export const Collaboration = z.object({
  id: uuid,
  name: z.string(),
  version: z.number().int(),
  ownerTenantId: uuid,
  createdAt: z.string(),
  municipalities: z.array(Municipality),
  parties: z.array(Party),
  people: z.array(Person),
  abilities: CollaborationAbilities,
});
export type Collaboration = z.infer<typeof Collaboration>;

// Pure: the client never reads this response schema, so its bundle leaves it (and the error list) out.
/** 409 on a stale rename: the collaboration as it is now. */
export const CollaborationConflict = /* @__PURE__ */ conflictBody(Collaboration.optional());

export const CollaborationList = z.object({
  collaborations: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      municipalities: z.array(z.string()),
      /** Steps marked done, of seven. */
      stepsDone: z.number().int(),
      coordinator: z.boolean(),
    }),
  ),
  /** Invitations to the actor's municipality not yet answered: only the name and who invited. */
  invitations: z.array(
    z.object({
      collaborationId: uuid,
      name: z.string(),
      invitedBy: z.string(),
      invitedAt: z.string(),
      canRespond: z.boolean(),
    }),
  ),
  /** Whether the actor may start a collaboration. */
  canCreate: z.boolean(),
});
export type CollaborationList = z.infer<typeof CollaborationList>;

export const InvitationAnswer = z.object({ collaborationId: uuid, status: z.enum(['accepted', 'declined']) });
