import { z } from 'zod';
import { LanguageCode, PastDate } from './children.ts';
import { MemberRef, Topic, TopicKey } from './hub.ts';
import { InfoCategory } from './sharing.ts';

/*
 * The besked log: what each adult told the child on an important matter, so
 * the hub sees side by side what the child has heard, marks contradictions,
 * and agrees one line per topic (samsyn) and who gives it.
 */

const uuid = z.string().uuid();

export const BeskedEntryBody = z.object({
  /** A topic of the child's topic matrix. */
  topic: TopicKey,
  /** The day the child was told; not in the future. */
  toldOn: PastDate,
  /** What was said, in a sentence or two. */
  summary: z.string().trim().min(1).max(600),
  /** The language the child was told in (ISO 639). */
  language: LanguageCode,
  interpreterUsed: z.boolean(),
  /** Whose secrecy the entry falls under; leave out for the topic's category (categoryOfTopic). */
  category: InfoCategory.optional(),
});
export type BeskedEntryBody = z.infer<typeof BeskedEntryBody>;

export const ContradictionBody = z.object({
  /** Two entries of the same child and topic. */
  entryIds: z.tuple([uuid, uuid]),
  /** How they contradict each other. */
  note: z.string().trim().max(1000).nullable().default(null),
});
export type ContradictionBody = z.infer<typeof ContradictionBody>;

export const AgreedLineBody = z.object({
  /** The line the hub agrees on: what the child is told on this topic. */
  text: z.string().trim().min(1).max(2000),
  /** The active staff member of the hub who tells the child. */
  tellerMemberId: uuid,
});
export type AgreedLineBody = z.infer<typeof AgreedLineBody>;

export const BeskedTopicParams = z.object({ id: uuid, topic: TopicKey });

export const BeskedEntry = z.object({
  id: uuid,
  topic: z.string(),
  toldOn: z.string(),
  summary: z.string(),
  language: z.string(),
  interpreterUsed: z.boolean(),
  /** Who told the child. */
  teller: MemberRef,
  recordedAt: z.string(),
  /** Part of an open contradiction. */
  contradicted: z.boolean(),
  /** The category the sharing rule reads, with the teller's organisation. */
  category: InfoCategory,
});
export type BeskedEntry = z.infer<typeof BeskedEntry>;

export const Contradiction = z.object({
  id: uuid,
  topic: z.string(),
  entryIds: z.tuple([uuid, uuid]),
  note: z.string().nullable(),
  markedBy: z.string(),
  markedAt: z.string(),
  /** Set when the hub recorded its agreed line on the topic. */
  resolvedAt: z.string().nullable(),
  open: z.boolean(),
});
export type Contradiction = z.infer<typeof Contradiction>;

export const AgreedLine = z.object({
  id: uuid,
  text: z.string(),
  /** Who tells the child; null when that member has left the hub. */
  teller: MemberRef.nullable(),
  agreedAt: z.string(),
  recordedBy: z.string(),
});
export type AgreedLine = z.infer<typeof AgreedLine>;

export const BeskedTopic = z.object({
  topic: Topic,
  /** The hub's current agreed line, shown above the entries. */
  line: AgreedLine.nullable(),
  /** Newest first. */
  entries: z.array(BeskedEntry),
  openContradictions: z.number().int(),
});
export type BeskedTopic = z.infer<typeof BeskedTopic>;

export const BeskedView = z.object({
  /** Every topic of the matrix, those with entries or a line first. */
  topics: z.array(BeskedTopic),
  contradictions: z.array(Contradiction),
  openContradictions: z.number().int(),
  /** Active staff members, to choose who tells the child. */
  tellers: z.array(MemberRef),
  abilities: z.object({ record: z.boolean(), markContradiction: z.boolean(), agreeLine: z.boolean() }),
  /** Entries of other organisations were kept back: they are not shared with the reader. */
  someWithheld: z.boolean(),
});
export type BeskedView = z.infer<typeof BeskedView>;
