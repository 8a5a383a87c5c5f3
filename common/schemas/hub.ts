import { z } from 'zod';
import { limits } from '../limits.ts';
import { PrincipalType, Role } from '../roles.ts';
import { FutureDate, HubRole, PastDate } from './children.ts';
import { MeetingStatus } from './meetings.ts';
import { InfoCategory } from './sharing.ts';

/** The guide's topics a child asks about; the client translates each key. */
export const defaultTopics = [
  'school',
  'health',
  'asylum_case',
  'money',
  'housing',
  'leisure',
  'family_contact',
  'return',
  'everyday',
] as const;
export const DefaultTopic = z.enum(defaultTopics);
export type DefaultTopic = z.infer<typeof DefaultTopic>;

/** A topic key: one of the default topics, or the id of a topic the tenant added. */
export const TopicKey = z.union([DefaultTopic, z.string().uuid()]);

/** The items of the first hub meeting, from the guide. */
export const checklistItems = [
  // Ticked from the meeting when the first hub meeting linked to the checklist is held.
  'meeting_held',
  'put_faces',
  'secrecy_and_documentation',
  'how_adults_talk',
  'who_attends_which_meetings',
  'child_participation',
  'child_told_who_to_ask',
] as const;
export const ChecklistItem = z.enum(checklistItems);
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** How an adult prefers to be reached. */
export const channels = ['phone', 'sms', 'email', 'meeting'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

export const questionStatuses = ['open', 'done', 'dropped'] as const;
export const QuestionStatus = z.enum(questionStatuses);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

const label = z.string().trim().min(1).max(limits.nameMax);
const uuid = z.string().uuid();

// ---- Topics ---------------------------------------------------------------

export const Topic = z.object({
  key: z.string(),
  kind: z.enum(['default', 'tenant']),
  /** Null for default topics (the client translates `key`); the tenant's own labels otherwise. */
  label: z.object({ sv: z.string(), en: z.string() }).nullable(),
  archived: z.boolean(),
});
export type Topic = z.infer<typeof Topic>;

export const TopicList = z.object({ items: z.array(Topic) });
export type TopicList = z.infer<typeof TopicList>;

export const TenantTopicBody = z.object({ labelSv: label, labelEn: label });
export type TenantTopicBody = z.infer<typeof TenantTopicBody>;

export const TenantTopicPatch = z.object({
  labelSv: label.optional(),
  labelEn: label.optional(),
  /** An archived topic leaves the matrix of every child; its assignments stay for the record. */
  archived: z.boolean().optional(),
});
export type TenantTopicPatch = z.infer<typeof TenantTopicPatch>;

// ---- Hub members ----------------------------------------------------------

/** A hub member as other parts of a response refer to them. */
export const MemberRef = z.object({
  memberId: uuid,
  displayName: z.string(),
  initials: z.string(),
  hubRole: HubRole,
});
export type MemberRef = z.infer<typeof MemberRef>;

/** The communication agreement of one member: when and how to reach them. */
export const Agreement = z.object({
  /** Free text, e.g. "weekdays 8–16, not Fridays". */
  availability: z.string().nullable(),
  preferredChannel: Channel.nullable(),
  /** The number or address for the preferred channel. */
  contactDetail: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementBody = z.object({
  availability: z.string().trim().max(500).nullable(),
  preferredChannel: Channel.nullable(),
  contactDetail: z.string().trim().max(limits.nameMax).nullable(),
});
export type AgreementBody = z.infer<typeof AgreementBody>;

export const HubMember = MemberRef.extend({
  userId: uuid,
  organisation: z.object({ id: uuid, name: z.string() }),
  /** One of the core three (social worker, god man, contact person). */
  isCore: z.boolean(),
  startsOn: z.string(),
  /** When access ends (or ended); null while open-ended. */
  endedAt: z.string().nullable(),
  active: z.boolean(),
  agreement: Agreement,
  abilities: z.object({ end: z.boolean(), editAgreement: z.boolean() }),
});
export type HubMember = z.infer<typeof HubMember>;

/** What civil society sees of a member: who, which organisation, how to reach them. */
export const HubMemberNarrow = MemberRef.extend({
  organisationName: z.string(),
  agreement: Agreement,
});
export type HubMemberNarrow = z.infer<typeof HubMemberNarrow>;

export const HubFull = z.object({
  view: z.literal('full'),
  members: z.array(HubMember),
  /** Ended memberships, newest first. */
  former: z.array(HubMember),
  missingCoreRoles: z.array(HubRole),
  abilities: z.object({ addMember: z.boolean() }),
});
export const HubNarrow = z.object({ view: z.literal('narrow'), members: z.array(HubMemberNarrow) });
export const Hub = z.discriminatedUnion('view', [HubFull, HubNarrow]);
export type Hub = z.infer<typeof Hub>;

export const AddMemberBody = z.object({
  /** A user of this municipality. */
  userId: uuid,
  hubRole: HubRole,
  /** Which of the user's organisations they act for; needed only when they have several. */
  organisationId: uuid.optional(),
  /** First day in the hub; today when left out; never in the future. */
  startsOn: PastDate.optional(),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const EndMemberBody = z.object({
  /** Last day with access; when left out, access ends at once. */
  endsOn: FutureDate.optional(),
  /**
   * Who takes over the role: added with the same hub role in the same step, and
   * given the leaving member's topics and open questions. Required when the
   * member is the last active one of a core role, unless `confirm` is true.
   */
  replacementUserId: uuid.optional(),
  /** Leave a core role empty on purpose (the child is then flagged). */
  confirm: z.boolean().optional(),
});
export type EndMemberBody = z.infer<typeof EndMemberBody>;

export const MemberParams = z.object({ id: uuid, memberId: uuid });

export const EndMemberResult = z.object({ ended: HubMember, replacement: HubMember.nullable() });
export type EndMemberResult = z.infer<typeof EndMemberResult>;

// ---- Topic matrix ---------------------------------------------------------

export const TopicAssignment = z.object({
  topic: Topic,
  /** Null when nobody active is responsible: the topic is flagged. */
  responsible: MemberRef.nullable(),
  fallback: MemberRef.nullable(),
  shareableWithCivilSociety: z.boolean(),
  unassigned: z.boolean(),
});
export type TopicAssignment = z.infer<typeof TopicAssignment>;

export const TopicMatrix = z.object({
  items: z.array(TopicAssignment),
  unassignedCount: z.number().int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type TopicMatrix = z.infer<typeof TopicMatrix>;

export const TopicParams = z.object({ id: uuid, topic: TopicKey });

export const TopicAssignmentBody = z.object({
  /** An active hub member; null clears the topic (it is then flagged). */
  responsibleMemberId: uuid.nullable(),
  /** Who takes it when the responsible member cannot; another active member. */
  fallbackMemberId: uuid.nullable().default(null),
  shareableWithCivilSociety: z.boolean().default(false),
});
export type TopicAssignmentBody = z.infer<typeof TopicAssignmentBody>;

// ---- First meeting --------------------------------------------------------

export const ChecklistOutcome = z.object({
  item: ChecklistItem,
  done: z.boolean(),
  note: z.string().nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const FirstMeeting = z.object({
  /** The proposed date; scheduling proper comes with meetings. */
  proposedOn: z.string().nullable(),
  /** When Navet proposed the meeting; null when it has not yet. */
  proposedAt: z.string().nullable(),
  /** The meeting (kind first_hub) that plans it, once one is scheduled: its day becomes the proposed date. */
  meeting: z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), status: MeetingStatus }).nullable(),
  /** The core three, who meet first. */
  participants: z.array(MemberRef),
  items: z.array(ChecklistOutcome),
  /** True until every item is done. */
  open: z.boolean(),
  abilities: z.object({ record: z.boolean() }),
});
export type FirstMeeting = z.infer<typeof FirstMeeting>;

export const FirstMeetingBody = z.object({ proposedOn: FutureDate.nullable() });
export type FirstMeetingBody = z.infer<typeof FirstMeetingBody>;

export const ChecklistParams = z.object({ id: uuid, item: ChecklistItem });

export const ChecklistItemBody = z.object({
  done: z.boolean(),
  /** What was agreed, in a few words. */
  note: z.string().trim().max(2000).nullable().default(null),
});
export type ChecklistItemBody = z.infer<typeof ChecklistItemBody>;

// ---- Questions ------------------------------------------------------------

export const Question = z.object({
  id: uuid,
  childId: uuid,
  text: z.string(),
  topic: z.string().nullable(),
  owner: MemberRef.extend({ active: z.boolean() }),
  dueOn: z.string(),
  status: QuestionStatus,
  dropReason: z.string().nullable(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** The category the sharing rule reads, with the organisation of the member who raised it. */
  category: InfoCategory,
  abilities: z.object({ edit: z.boolean() }),
});
export type Question = z.infer<typeof Question>;

export const QuestionList = z.object({
  items: z.array(Question),
  /** Questions of other organisations were kept back: they are not shared with the reader. */
  someWithheld: z.boolean(),
});
export type QuestionList = z.infer<typeof QuestionList>;

export const QuestionParams = z.object({ id: uuid, questionId: uuid });

const questionText = z.string().trim().min(1).max(1000);

export const QuestionBody = z.object({
  /** What to raise with the child. */
  text: questionText,
  /** Exactly one active hub member takes it: never "someone". */
  ownerMemberId: uuid,
  dueOn: FutureDate,
  topic: TopicKey.nullable().default(null),
  /** Whose secrecy the question falls under; leave out for the topic's category (categoryOfTopic). */
  category: InfoCategory.optional(),
});
export type QuestionBody = z.infer<typeof QuestionBody>;

export const QuestionPatch = z
  .object({
    text: questionText,
    ownerMemberId: uuid,
    dueOn: FutureDate,
    topic: TopicKey.nullable(),
    /** Leave out to keep it, or to take the new topic's category when the topic changes. */
    category: InfoCategory,
    status: QuestionStatus,
    /** Required when the status becomes dropped. */
    dropReason: z.string().trim().min(1).max(1000),
  })
  .partial();
export type QuestionPatch = z.infer<typeof QuestionPatch>;

export const QuestionListQuery = z.object({
  status: z.enum([...questionStatuses, 'all']).default('all'),
});

export const MyQuestion = Question.extend({
  child: z.object({ id: uuid, displayName: z.string() }),
});
export const MyQuestions = z.object({
  items: z.array(MyQuestion),
  overdueCount: z.number().int(),
  /** Some of my questions are no longer shared with me (a consent ended): ask the hub. */
  someWithheld: z.boolean(),
});
export type MyQuestions = z.infer<typeof MyQuestions>;

export const MyQuestionsQuery = z.object({
  status: z.enum([...questionStatuses, 'all']).default('open'),
});

// ---- Directory ------------------------------------------------------------

export const PeopleQuery = z.object({
  q: z.string().trim().max(limits.nameMax).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

/** A colleague who can be added to a hub. */
export const Person = z.object({
  userId: uuid,
  displayName: z.string(),
  /** Each open role at work, with the kind of principal the organisation is (which hub places it opens). */
  organisations: z.array(z.object({ id: uuid, name: z.string(), role: Role, principalType: PrincipalType })),
});
export const PeopleList = z.object({ items: z.array(Person) });
export type PeopleList = z.infer<typeof PeopleList>;

export const OrganisationList = z.object({
  items: z.array(z.object({ id: uuid, name: z.string(), principalType: z.string() })),
});
export type OrganisationList = z.infer<typeof OrganisationList>;
