import { z } from 'zod';

/**
 * Integers a request carries into the database. JSON numbers reach 2^53, a
 * PostgreSQL `integer` column only 2^31 − 1: an integer past the column's range
 * must be refused at its field (400), never reach the database (500).
 */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** An integer that fits a PostgreSQL `integer` column. */
export const Int32 = z.number().int().min(INT32_MIN).max(INT32_MAX);

/** A record's version for optimistic locking: an `integer` column, from 1, and below the top so its successor fits. */
export const Version = z
  .number()
  .int()
  .min(1)
  .max(INT32_MAX - 1);

/** A version that starts at 0 (a record that exists before its first edit). */
export const Version0 = z
  .number()
  .int()
  .min(0)
  .max(INT32_MAX - 1);
