import type { PeriodUnit } from '../entities';
import { badInput, preview } from '../errors';
import { localToday } from '../local-time';

/**
 * Calendar periods of satisfaction figures and surveys: how they are written
 * (`2024`, `2024-Q4`, `2024-11`), parsed and counted. Periods are local to the
 * estates (src/local-time.ts): a period's days are its local days.
 */

/** The most periods one request may span (ten years of months). */
export const MAX_PERIODS = 120;

/** Surveys before this year are not plausible records of this operator. */
const FIRST_SURVEY_YEAR = 2000;

/** How each unit is named to PostgreSQL (date_trunc, interval) and labelled (to_char). */
export const UNIT_SQL: Record<PeriodUnit, { trunc: string; step: string; label: string; months: number }> = {
  MONTH: { trunc: 'month', step: '1 month', label: 'YYYY-MM', months: 1 },
  QUARTER: { trunc: 'quarter', step: '3 months', label: 'YYYY-"Q"Q', months: 3 },
  YEAR: { trunc: 'year', step: '1 year', label: 'YYYY', months: 12 },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The dates a filter may name: wide enough for any record, narrow enough that every date and the day after are plain SQL dates. */
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '2999-12-31';

/** A `Date` scalar value (the scalar parses to a Date at UTC midnight; CSV parameters arrive as text) as `YYYY-MM-DD`. */
export function isoDate(value: unknown, field: string): string {
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : String(value ?? '');
  const match = ISO_DATE.exec(text);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) throw badInput(`${field} must be a date written YYYY-MM-DD, got "${preview(text)}"`, field);
  if (text < FIRST_DATE || text > LAST_DATE) throw badInput(`${field} must be between ${FIRST_DATE} and ${LAST_DATE}, got ${text}`, field);
  return text;
}

/** The date after `iso` (`YYYY-MM-DD`). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Months since year 0 of a `YYYY-MM-DD` date, truncated to the unit: consecutive periods differ by `months`. */
function periodIndex(iso: string, unit: PeriodUnit): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1;
  return (year * 12 + month - (month % UNIT_SQL[unit].months)) / UNIT_SQL[unit].months;
}

/** How many periods of `unit` the days `from`..`to` touch; BAD_USER_INPUT (on `to`) for a reversed or too long range. */
export function periodCount(from: string, to: string, unit: PeriodUnit, field = 'filter.to'): number {
  if (to < from) throw badInput(`${field} (${to}) is before the first day (${from})`, field);
  const n = periodIndex(to, unit) - periodIndex(from, unit) + 1;
  if (n > MAX_PERIODS) {
    throw badInput(`The range spans ${n} periods of ${unit}; at most ${MAX_PERIODS} per request: shorten it or group by a longer period`, field);
  }
  return n;
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/**
 * A survey's period as clients write it: `2024`, `2024-Q4` or `2024-11`. It
 * must be from FIRST_SURVEY_YEAR on and have started by today (local): a
 * survey of a period still running is fine, one of the future is a mistake.
 */
export function parseSurveyPeriod(text: string, field: string, today = localToday()): { unit: PeriodUnit; startsOn: string } {
  const match = PERIOD.exec(text);
  if (!match) throw badInput(`${field} must be written 2024, 2024-Q4 or 2024-11, got "${preview(text)}"`, field);
  const [, year, quarter, month] = match;
  const unit: PeriodUnit = quarter ? 'QUARTER' : month ? 'MONTH' : 'YEAR';
  const first = quarter ? (Number(quarter) - 1) * 3 + 1 : month ? Number(month) : 1;
  const startsOn = `${year}-${String(first).padStart(2, '0')}-01`;
  if (Number(year) < FIRST_SURVEY_YEAR) throw badInput(`${field} must be from ${FIRST_SURVEY_YEAR} on, got ${text}`, field);
  if (startsOn > today) throw badInput(`${field} ${text} has not started yet (today is ${today})`, field);
  return { unit, startsOn };
}

/** The label of the period of `unit` starting on `startsOn`, and its last day. */
export function describePeriod(unit: PeriodUnit, startsOn: string): { period: string; periodEnd: string } {
  const year = startsOn.slice(0, 4);
  const month = Number(startsOn.slice(5, 7));
  const period = unit === 'YEAR' ? year : unit === 'QUARTER' ? `${year}-Q${(month + 2) / 3}` : startsOn.slice(0, 7);
  const end = new Date(Date.UTC(Number(year), month - 1 + UNIT_SQL[unit].months, 0));
  return { period, periodEnd: end.toISOString().slice(0, 10) };
}
