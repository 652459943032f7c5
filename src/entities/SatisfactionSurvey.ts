import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';

/** The calendar periods figures are grouped by, and surveys recorded for. */
export const PERIOD_UNITS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * The result of a satisfaction survey of one estate for one calendar period
 * (usually a year): the score the estate is judged by, 0–100. One per estate
 * and period: recording another replaces it. `startsOn` is the period's first
 * day in the estates' local calendar; the check keeps it on a period boundary.
 */
export const SatisfactionSurvey = defineEntity({
  name: 'SatisfactionSurvey',
  tableName: 'satisfaction_survey',
  uniques: [{ name: 'satisfaction_survey_period_unique', properties: ['community', 'unit', 'startsOn'] }],
  checks: [
    { name: 'satisfaction_survey_score_check', expression: 'score >= 0 and score <= 100' },
    { name: 'satisfaction_survey_respondents_check', expression: 'respondents is null or respondents > 0' },
    { name: 'satisfaction_survey_starts_on_check', expression: 'starts_on = date_trunc(lower(unit), starts_on::timestamp without time zone)::date' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    unit: p.enum([...PERIOD_UNITS]),
    startsOn: p.date(),
    score: p.decimal('number').precision(5).scale(2),
    respondents: p.integer().nullable(),
    note: p.string().length(1000).nullable(),
    recordedAt: p.datetime(),
    /** The subject of the token that recorded it; null for imported history. */
    recordedBy: p.string().length(200).nullable(),
  },
});
export type SatisfactionSurvey = InferEntity<typeof SatisfactionSurvey>;
