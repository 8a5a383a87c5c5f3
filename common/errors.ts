import { z } from 'zod';

/** One error shape for every failing response of the API. */
export const ErrorBody = z.object({
  /** Stable snake_case id a client can switch on. */
  error: z.string(),
  /** Human-readable message (English; the client translates by `error`). */
  message: z.string(),
  /** Only for validation errors: which field failed and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
