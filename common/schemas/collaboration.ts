import { z } from 'zod';

/**
 * The kinds of party the guide names around unaccompanied children. A party is an
 * organisation of a participating municipality or an outside one (region,
 * Migrationsverket, överförmyndare …) that has no account in Navet.
 */
export const partyKinds = [
  'social_services',
  'residential_care',
  'foster_care',
  'school',
  'health_care',
  'child_psychiatry',
  'chief_guardian',
  'migration_agency',
  'police',
  'civil_society',
  'other',
] as const;
export const PartyKind = z.enum(partyKinds);
export type PartyKind = z.infer<typeof PartyKind>;

/** A municipality's place in a collaboration: invited until its own tenant admin answers. */
export const participationStatuses = ['invited', 'accepted', 'declined', 'left'] as const;
export const ParticipationStatus = z.enum(participationStatuses);
export type ParticipationStatus = z.infer<typeof ParticipationStatus>;

/** The two levels above the child; the individual level is the hub and never belongs to a collaboration. */
export const collaborationLevels = ['strategic', 'operational'] as const;
export const CollaborationLevel = z.enum(collaborationLevels);
export type CollaborationLevel = z.infer<typeof CollaborationLevel>;

/** What a person does in a collaboration: represent a party at a level, or coordinate the whole. */
export const collaborationPersonRoles = [
  'strategic_representative',
  'operational_representative',
  'coordinator',
] as const;
export const CollaborationPersonRole = z.enum(collaborationPersonRoles);
export type CollaborationPersonRole = z.infer<typeof CollaborationPersonRole>;
