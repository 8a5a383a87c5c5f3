import { describe, expect, it } from 'vitest';
import { addMonths } from './deadlines.ts';
import { addWorkingHours, swedishTime } from './working-hours.ts';

const at = (iso: string) => new Date(iso);

describe('addWorkingHours (weekdays 08–17, Swedish time)', () => {
  it('counts only working hours, across nights and weekends', () => {
    // Friday 2030-03-01 15:00 CET + 4 h → Monday 10:00.
    expect(addWorkingHours(at('2030-03-01T14:00:00Z'), 4).toISOString()).toBe('2030-03-04T09:00:00.000Z');
    // Before opening: the clock starts at 08:00.
    expect(addWorkingHours(at('2030-03-05T06:00:00Z'), 4).toISOString()).toBe('2030-03-05T11:00:00.000Z');
    // After closing on Wednesday: Thursday 12:00.
    expect(addWorkingHours(at('2030-03-06T17:00:00Z'), 4).toISOString()).toBe('2030-03-07T11:00:00.000Z');
    // Within the day, seconds kept.
    expect(addWorkingHours(at('2030-03-05T09:15:30Z'), 1).toISOString()).toBe('2030-03-05T10:15:30.000Z');
    // Saturday: Monday 12:00.
    expect(addWorkingHours(at('2030-03-02T10:00:00Z'), 4).toISOString()).toBe('2030-03-04T11:00:00.000Z');
  });

  it('follows summer time: the Monday after the spring change is at +02:00', () => {
    // Friday 2030-03-29 16:00 CET + 4 h → Monday 2030-04-01 11:00 CEST.
    expect(addWorkingHours(at('2030-03-29T15:00:00Z'), 4).toISOString()).toBe('2030-04-01T09:00:00.000Z');
    expect(swedishTime('2030-07-01', 8 * 60).toISOString()).toBe('2030-07-01T06:00:00.000Z');
    expect(swedishTime('2030-12-01', 8 * 60).toISOString()).toBe('2030-12-01T07:00:00.000Z');
  });
});

describe('addMonths', () => {
  it('keeps the day, or the month’s last day', () => {
    expect(addMonths('2012-05-05', 18 * 12)).toBe('2030-05-05');
    expect(addMonths('2030-05-05', -6)).toBe('2029-11-05');
    expect(addMonths('2030-03-31', -1)).toBe('2030-02-28');
    expect(addMonths('2012-02-29', 18 * 12)).toBe('2030-02-28');
  });
});
