import { z } from 'zod';
import { conflictBody } from '../errors.ts';
import { Version } from './int.ts';
import { ConsentState } from './consent.ts';
import { LocalDateTime, MeetingStatus } from './meetings.ts';
import { InfoCategory, OrganisationRef, PersonRef } from './sharing.ts';

/** SIP with municipality and region; I-SIP is the municipality's internal plan (every child with a rejection). */
export const planKinds = ['sip', 'isip'] as const;
export const PlanKind = z.enum(planKinds);
export type PlanKind = z.infer<typeof PlanKind>;

/** draft → active (adopted) → follow_up (its date has come) → active again, … → ended. */
export const planStatuses = ['draft', 'active', 'follow_up', 'ended'] as const;
export const PlanStatus = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const planEndReasons = ['goals_met', 'child_ended', 'child_left', 'replaced', 'other'] as const;
export const PlanEndReason = z.enum(planEndReasons);
export type PlanEndReason = z.infer<typeof PlanEndReason>;

/** How the child took part in making the plan. */
export const childParticipations = ['took_part', 'took_part_partly', 'views_through_other', 'declined'] as const;
export const PlanChildParticipation = z.enum(childParticipations);
export type PlanChildParticipation = z.infer<typeof PlanChildParticipation>;

export const measureStatuses = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export const MeasureStatus = z.enum(measureStatuses);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** Kallelse to a principal (municipality, region); inbjudan to everyone else. Derived from the organisation. */
export const invitationKinds = ['summons', 'invitation'] as const;
export const InvitationKind = z.enum(invitationKinds);
export type InvitationKind = z.infer<typeof InvitationKind>;

export const entryKinds = ['need', 'note'] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

/** What adoption needs; each key is also the field path (under "plan.") of the 400 that names it. */
export const missingKeys = [
  'consentId',
  'chairUserId',
  'childParticipation',
  'measures',
  'principalMeasures',
  'otherMeasures',
  'overallResponsibleOrganisationId',
  'measureResponsible',
  /** The SIP meeting is held (a plan meeting closed or under way), or adoption gives the reason it was not. */
  'meetingHeld',
] as const;
export const MissingKey = z.enum(missingKeys);
export type MissingKey = z.infer<typeof MissingKey>;

const uuid = z.string().uuid();
const text = z.string().trim().min(1).max(4000);
const optionalText = z.string().trim().max(4000).nullable();

// ---- requests ---------------------------------------------------------------------

/** A partial change of the plan's own fields; `version` is the version read (409 if stale). */
export const PlanPatch = z
  .object({
    version: Version,
    chairUserId: uuid.nullable(),
    /** The child's consent the plan rests on: valid, for this child, with the purpose "plan". */
    consentId: uuid.nullable(),
    childParticipation: PlanChildParticipation.nullable(),
    /** The child's own words about the situation, as the child said them (any language). */
    childWords: optionalText,
    /** The child's own goals. */
    childGoals: optionalText,
    /** Relatives take part: only when the child has been asked and does not object. */
    relativesTakePart: z.boolean().nullable(),
    childObjectsToRelatives: z.boolean().nullable(),
    relativesNote: optionalText,
    /** Part 4: the principal (municipality or region) with overall responsibility. */
    overallResponsibleOrganisationId: uuid.nullable(),
    /** Part 3, said explicitly: no measures by anyone other than municipality and region. */
    noOtherMeasures: z.boolean(),
  })
  .partial()
  .required({ version: true });
export type PlanPatch = z.infer<typeof PlanPatch>;

export const ParticipantInput = z.union([
  z.object({ userId: uuid }).strict(),
  z
    .object({
      /** Someone without a Navet account. */
      name: z.string().trim().min(1).max(200),
      /** One of the municipality's organisations, when they come from one (decides kallelse or inbjudan). */
      organisationId: uuid.nullable().default(null),
      /** Free text for an organisation outside the municipality's list. */
      organisationName: z.string().trim().max(200).nullable().default(null),
    })
    .strict(),
]);
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const ParticipantsBody = z.object({
  version: Version,
  participants: z.array(ParticipantInput).max(40),
});
export type ParticipantsBody = z.infer<typeof ParticipantsBody>;

const ownership = {
  category: InfoCategory,
  /** The organisation that owns the information: one of the writer's own (default: the first). */
  owningOrganisationId: uuid.nullable().default(null),
};

export const EntryBody = z.object({ kind: EntryKind, text, ...ownership });
export type EntryBody = z.infer<typeof EntryBody>;

const measureFields = {
  description: text,
  /** Who carries the measure out: one of the municipality's organisations. Required. */
  responsibleOrganisationId: uuid,
  /** The responsible person: a user … */
  responsibleUserId: uuid.nullable(),
  /** … or a name, for someone without an account. */
  responsibleName: z.string().trim().min(1).max(200).nullable(),
  startOn: z.iso.date(),
  endOn: z.iso.date().nullable(),
  status: MeasureStatus,
  /** A goal someone can check at follow-up ("attends school 4 days a week by March"). */
  goal: text,
  /** The need it answers, if any. */
  needId: uuid.nullable(),
};

export const MeasureBody = z
  .object({
    ...measureFields,
    responsibleUserId: measureFields.responsibleUserId.default(null),
    responsibleName: measureFields.responsibleName.default(null),
    endOn: measureFields.endOn.default(null),
    status: MeasureStatus.default('planned'),
    needId: measureFields.needId.default(null),
    ...ownership,
  })
  .superRefine((b, ctx) => {
    if (b.endOn && b.endOn < b.startOn)
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'The measure cannot end before it starts.' });
  });
export type MeasureBody = z.infer<typeof MeasureBody>;

export const CreatePlanBody = z.object({
  kind: PlanKind,
  /** Leads the SIP meeting; a staff member of the hub. Can be set later. */
  chairUserId: uuid.nullable().default(null),
  /**
   * Measures to start the plan with, written in the same transaction (all checked before any is
   * written); issues name `body.measures.<i>.<field>`. A new plan has no needs, so no `needId`.
   */
  measures: z.array(MeasureBody).max(50).optional(),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

/** A change of some of a measure's fields; `version` is the measure's version read (409 with `current` if stale). */
export const MeasurePatch = z
  .object({ ...measureFields, category: InfoCategory, version: Version })
  .partial()
  .required({ version: true });
export type MeasurePatch = z.infer<typeof MeasurePatch>;

/** The invitation step: the SIP meeting, through the meetings machinery; needs a valid consent. */
export const InvitationsBody = z.object({
  title: z.string().trim().min(1).max(200),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  location: z.string().trim().max(300).nullable().default(null),
});
export type InvitationsBody = z.infer<typeof InvitationsBody>;

export const AdoptBody = z.object({
  version: Version,
  /** After the day of adoption. */
  followUpOn: z.iso.date(),
  /** Who follows up: a staff member of the hub. */
  followUpUserId: uuid,
  /** The plan is not adopted without the child's approval; how it was given goes in the note. */
  childApproval: z.object({ approved: z.literal(true), note: z.string().trim().max(2000).nullable().default(null) }),
  /**
   * Adopting without a held SIP meeting, said explicitly with the reason (the child did not want a
   * meeting, say). Ignored when a meeting was held.
   */
  meetingWaiver: z
    .object({ reason: z.string().trim().min(1).max(2000) })
    .nullable()
    .default(null),
});
export type AdoptBody = z.infer<typeof AdoptBody>;

export const VersionBody = z.object({ version: Version });
export type VersionBody = z.infer<typeof VersionBody>;

export const FollowUpBody = z.object({
  version: Version,
  /** The day the follow-up was held (today or earlier). */
  heldOn: z.iso.date(),
  /** What happened with each measure; measures left out keep their status. */
  outcomes: z
    .array(z.object({ measureId: uuid, status: MeasureStatus, note: z.string().trim().max(2000).nullable() }))
    .max(100),
  summary: text,
  /** The next follow-up: after today. */
  nextFollowUpOn: z.iso.date(),
  nextFollowUpUserId: uuid,
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

export const EndPlanBody = z.object({
  version: Version,
  /** child_ended: the child ended the plan; an adult records it. */
  reason: PlanEndReason,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type EndPlanBody = z.infer<typeof EndPlanBody>;

export const PlanParams = z.object({ id: uuid });
export const PlanItemParams = z.object({ id: uuid, itemId: uuid });
export const PlanVersionParams = z.object({ id: uuid, number: z.coerce.number().int().min(1).max(10_000) });
export const FhirQuery = z.object({
  /** An adopted version; leave out for the latest adopted one (or the draft if none is). */
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

// ---- the plan's content (live and in each adopted version) ------------------------------------

export const PlanEntry = z.object({
  id: uuid,
  kind: EntryKind,
  text: z.string(),
  category: InfoCategory,
  owningOrganisation: OrganisationRef,
  createdBy: PersonRef,
  createdAt: z.string(),
});
export type PlanEntry = z.infer<typeof PlanEntry>;

export const PlanMeasure = z.object({
  id: uuid,
  needId: uuid.nullable(),
  description: z.string(),
  responsibleOrganisation: OrganisationRef,
  responsibleUser: PersonRef.nullable(),
  responsibleName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  status: MeasureStatus,
  goal: z.string(),
  category: InfoCategory,
  owningOrganisation: OrganisationRef,
  /** Send back with a change (live plans; absent in versions adopted before measures had one). */
  version: z.number().int().optional(),
});
export type PlanMeasure = z.infer<typeof PlanMeasure>;

export const PlanParticipant = z.object({
  id: uuid,
  userId: uuid.nullable(),
  displayName: z.string(),
  organisation: OrganisationRef.nullable(),
  organisationName: z.string().nullable(),
  kind: InvitationKind,
  invitedAt: z.string().nullable(),
});
export type PlanParticipant = z.infer<typeof PlanParticipant>;

export const PlanConsentRef = z.object({
  id: uuid,
  state: ConsentState,
  validFrom: z.string(),
  validTo: z.string(),
  /** Whether it carries the purpose "plan": a consent for the hub's work alone does not do for a plan. */
  forPlan: z.boolean(),
});

/** What an adopted version freezes. Entries and measures carry their owner and category: reads filter them. */
export const PlanContent = z.object({
  kind: PlanKind,
  initiator: PersonRef,
  chair: PersonRef.nullable(),
  consent: PlanConsentRef.nullable(),
  childParticipation: PlanChildParticipation.nullable(),
  childWords: z.string().nullable(),
  childGoals: z.string().nullable(),
  relativesTakePart: z.boolean().nullable(),
  childObjectsToRelatives: z.boolean().nullable(),
  relativesNote: z.string().nullable(),
  participants: z.array(PlanParticipant),
  needs: z.array(PlanEntry),
  notes: z.array(PlanEntry),
  measures: z.array(PlanMeasure),
  overallResponsibleOrganisation: OrganisationRef.nullable(),
  noOtherMeasures: z.boolean(),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const ChildApproval = z.object({ approved: z.boolean(), note: z.string().nullable() });

export const PlanVersionSummary = z.object({
  number: z.number().int(),
  adoptedAt: z.string(),
  adoptedBy: PersonRef,
});

export const PlanVersion = z.object({
  planId: uuid,
  childId: uuid,
  childName: z.string(),
  number: z.number().int(),
  adoptedAt: z.string(),
  adoptedBy: PersonRef,
  childApproval: ChildApproval,
  followUpOn: z.string(),
  followUpBy: PersonRef,
  /** Why it was adopted without a SIP meeting held; null when one was. */
  meetingWaiverReason: z.string().nullable(),
  content: PlanContent,
  /** Some of the plan's information is not shared with the reader's organisation; it is left out. */
  someWithheld: z.boolean(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const FollowUpRecord = z.object({
  id: uuid,
  versionNumber: z.number().int(),
  heldOn: z.string(),
  recordedBy: PersonRef,
  summary: z.string(),
  outcomes: z.array(z.object({ measureId: uuid, status: MeasureStatus, note: z.string().nullable() })),
  createdAt: z.string(),
});

export const PlanAbilities = z.object({
  /** The plan's own fields and participants (the chair, the initiator, the hub's social worker). */
  edit: z.boolean(),
  /** Needs, notes and measures (the hub's staff), while the plan is a draft or a new version. */
  addContent: z.boolean(),
  invite: z.boolean(),
  adopt: z.boolean(),
  /** Start a new version of an adopted plan. */
  revise: z.boolean(),
  followUp: z.boolean(),
  end: z.boolean(),
});
export type PlanAbilities = z.infer<typeof PlanAbilities>;

export const Plan = PlanContent.extend({
  id: uuid,
  childId: uuid,
  childName: z.string(),
  status: PlanStatus,
  /** The content can change: a draft, or a new version being prepared. */
  editable: z.boolean(),
  /** Number of the adopted version in force; 0 before the first adoption. */
  adoptedVersion: z.number().int(),
  versions: z.array(PlanVersionSummary),
  followUpOn: z.string().nullable(),
  followUpBy: PersonRef.nullable(),
  followUps: z.array(FollowUpRecord),
  invitationsSentAt: z.string().nullable(),
  meetings: z.array(z.object({ id: uuid, title: z.string(), startsAt: z.string(), status: MeetingStatus })),
  decisions: z.array(
    z.object({ id: uuid, meetingId: uuid, text: z.string(), owner: PersonRef, dueOn: z.string(), status: z.string() }),
  ),
  endedReason: PlanEndReason.nullable(),
  endedNote: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** What adoption still lacks (checked on all of the plan, also what the reader does not see). */
  missing: z.array(MissingKey),
  someWithheld: z.boolean(),
  /** Items (entries and measures) the reader may change or remove. */
  editableItems: z.array(uuid),
  version: Version,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: PlanAbilities,
});
export type Plan = z.infer<typeof Plan>;

// Pure: the client never reads this response schema, so its bundle leaves it out.
/** 409 on a stale measure: the measure as it is now (absent when the 409 is about the plan's state). */
export const MeasureConflict = /* @__PURE__ */ conflictBody(PlanMeasure.optional());

export const PlanSummary = z.object({
  id: uuid,
  kind: PlanKind,
  status: PlanStatus,
  adoptedVersion: z.number().int(),
  followUpOn: z.string().nullable(),
  endedReason: PlanEndReason.nullable(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanList = z.object({
  /** Newest first: one plan at most is not ended. */
  items: z.array(PlanSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type PlanList = z.infer<typeof PlanList>;

export const PdfQuery = z.object({
  /** Language of the headings; the plan's own text stays as written. */
  lang: z.enum(['sv', 'en']).default('sv'),
});

/** A FHIR R4 Bundle (type "collection"); the resources are FHIR JSON, checked against the R4 schema in tests. */
export const FhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  id: z.string(),
  type: z.literal('collection'),
  timestamp: z.string(),
  entry: z.array(z.object({ fullUrl: z.string(), resource: z.record(z.string(), z.unknown()) })),
});
export type FhirBundle = z.infer<typeof FhirBundle>;
