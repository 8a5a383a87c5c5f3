import { z } from 'zod';

/** One failed sign-in, as the tenant admin sees it. */
export const LoginFailure = z.object({
  at: z.string(),
  /** The address it came from. */
  ip: z.string(),
  kind: z.enum(['password', 'totp']),
});

/** The failures from one address. */
export const FailingAddress = z.object({
  ip: z.string(),
  /** In the last day. */
  failures: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  /** Seconds this address must still wait before it may try again; 0 when it may try now. */
  waitSeconds: z.number().int(),
});

/** Why an account's sign-ins are slowed down, for the tenant admin. */
export const LoginThrottleReport = z.object({
  /** Set while so many addresses fail that every failing address must wait after each failure. */
  underAttackUntil: z.string().nullable(),
  /** Failures in the last `windowMinutes`, from all addresses (they count towards waiting). */
  failuresInWindow: z.number().int(),
  windowMinutes: z.number().int(),
  /** The first failure of the last day, if any. */
  since: z.string().nullable(),
  addresses: z.array(FailingAddress),
  /** The latest failures, newest first. */
  recent: z.array(LoginFailure),
});
export type LoginThrottleReport = z.infer<typeof LoginThrottleReport>;
