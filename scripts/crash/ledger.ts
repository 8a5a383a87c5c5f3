/**
 * What the client saw acknowledged (a 2xx answer), and what it sent without
 * seeing an answer because the server died first ("maybe": it may or may not
 * have committed, but never half).
 */
export interface PlanAck {
  childId: string;
  round: number;
  /** The last round that saw a write of this plan acknowledged. */
  lastRound: number;
  /** Acknowledged measures: id → description. */
  measures: Map<string, string>;
  /** A measure sent when the server died: its description. */
  maybeMeasure: string | null;
  ended: boolean;
  /** Not created by an acknowledged request: found open after a crash (a "maybe" create that committed). */
  found: boolean;
}

export interface MeetingAck {
  childId: string;
  round: number;
  title: string;
  organiserId: string;
  /** Organiser, invitees and guests that the one acknowledged request created. */
  participants: number;
  agenda: Map<string, string>;
  maybeAgenda: string | null;
}

export interface TextAck {
  childId: string;
  round: number;
  text: string;
}

/** An acknowledged read of child data: its audit rows must be there, written between sending and the answer. */
export interface ReadAck {
  round: number;
  action: 'child.read' | 'child.list';
  /** The children the answer showed: each needs its own audit row. */
  childIds: string[];
  /** Clock of this machine (the server's too) just before sending and just after the answer. */
  sent: number;
  answered: number;
}

export type MaybeKind = 'plan' | 'meeting' | 'event' | 'besked' | 'question';

export interface Maybe {
  kind: MaybeKind;
  childId: string;
  text: string;
  round: number;
  /** For a meeting: how many participants its request creates. */
  participants?: number;
}

export interface Ledger {
  plans: Map<string, PlanAck>;
  meetings: Map<string, MeetingAck>;
  events: Map<string, TextAck>;
  besked: Map<string, TextAck>;
  questions: Map<string, TextAck>;
  /** Creates whose answer never came: the text (or for a plan, the child) that may have been written. */
  maybe: Maybe[];
  /** Acknowledged writes per round. */
  acks: Map<number, number>;
  reads: ReadAck[];
  /** The user whose reads are recorded in `reads`; nobody else acts as them. */
  readerId: string | null;
}

export function newLedger(): Ledger {
  return {
    plans: new Map(),
    meetings: new Map(),
    events: new Map(),
    besked: new Map(),
    questions: new Map(),
    maybe: [],
    acks: new Map(),
    reads: [],
    readerId: null,
  };
}

export function countAck(ledger: Ledger, round: number): void {
  ledger.acks.set(round, (ledger.acks.get(round) ?? 0) + 1);
}
