import { Community, Grid, SatisfactionSurvey, type PeriodUnit } from '../entities';
import { isEstateCode } from '../auth';
import type { Context } from '../context';
import { mapRows } from '../db/rows';
import { AppError, badInput, forbidden, notFound, preview, unauthenticated } from '../errors';
import type { RecordSurveyInput } from '../generated/graphql';
import { isoDate, parseSurveyPeriod, periodCount } from './satisfaction-periods';
import { figuresStatement, type FiguresQuery, type FiguresRow } from './satisfaction-sql';
import { coveredEstate, filterEstates } from './ticket-queries';
import { text } from './ticket-input';

/**
 * Satisfaction and service-level figures, and the surveys behind them. The
 * figures of a request are one SQL statement (satisfaction-sql.ts), whatever
 * the number of estates, grids and periods; the estates and grids it names
 * come back with it, so resolving them costs nothing more.
 */

/** One estate's (or grid's) figures for one period, shaped as the `Satisfaction` type. */
export interface SatisfactionBucket {
  period: string;
  periodStart: string;
  periodEnd: string;
  community: Community;
  grid: Grid | null;
  households: number;
  ticketsRaised: number;
  ratingCount: number;
  averageRating: number | null;
  surveyScore: number | null;
  survey: SatisfactionSurvey | null;
  complaintCount: number;
  complaintsPer1000Households: number | null;
  ticketsResolved: number;
  responseSeconds: { count: number; p50: number | null; p90: number | null };
  emergencyCount: number;
  emergencyOnSceneWithinTarget: number | null;
  emergencyResponseSeconds: { count: number; p50: number | null; p90: number | null };
}

/** A filter as the GraphQL input and the CSV parameters both give it. */
export interface FiguresFilter {
  communityCodes?: readonly string[] | null;
  from: unknown;
  to: unknown;
  groupBy: PeriodUnit;
  perGrid?: boolean | null;
}

const MAX_CODES = 100;
const MAX_RESPONDENTS = 10_000_000;

/** UNAUTHENTICATED without a token; FORBIDDEN for RESIDENT tokens (see the `satisfaction_estate` rule). */
function requireFiguresReader(ctx: Context): void {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to read satisfaction figures');
  if (role === 'RESIDENT') {
    throw forbidden("Satisfaction figures are not available to RESIDENT tokens: they aggregate every household's tickets and ratings");
  }
}

/** The filter checked and normalised; nothing is read. Errors name fields with `prefix` (`filter.` in GraphQL). */
function figuresQuery(ctx: Context, filter: FiguresFilter, prefix: string): FiguresQuery {
  let codes: string[] | null = null;
  if (filter.communityCodes && filter.communityCodes.length > 0) {
    const field = `${prefix}communityCodes`;
    if (filter.communityCodes.length > MAX_CODES) throw badInput(`${field} takes at most ${MAX_CODES} codes`, field);
    codes = [...new Set(filter.communityCodes)];
    // A code that cannot name an estate never reaches SQL; it answers as an estate the token does not cover.
    for (const code of codes) if (!isEstateCode(code)) coveredEstate(ctx.viewer, code, null, field);
  }
  const from = isoDate(filter.from, `${prefix}from`);
  const to = isoDate(filter.to, `${prefix}to`);
  const periods = periodCount(from, to, filter.groupBy, `${prefix}to`);
  return { codes, from, to, unit: filter.groupBy, periods, perGrid: Boolean(filter.perGrid) };
}

/**
 * The figures for `filter`, in one statement: one bucket per estate (or grid)
 * and period, ordered by estate code, period, grid code. Failures in the
 * contract's order: UNAUTHENTICATED, FORBIDDEN (a RESIDENT, an estate the
 * token does not cover), then BAD_USER_INPUT for the values, naming the
 * field as `prefix` + its name (`filter.from`; the CSV export's `from`).
 */
export async function satisfactionFigures(ctx: Context, filter: FiguresFilter, prefix = 'filter.'): Promise<SatisfactionBucket[]> {
  requireFiguresReader(ctx);
  let query: FiguresQuery;
  try {
    query = figuresQuery(ctx, filter, prefix);
  } catch (error) {
    // An estate the token does not cover outranks a bad value: finding out costs a statement, on this path only.
    if (error instanceof AppError && error.extensions.code === 'BAD_USER_INPUT' && filter.communityCodes?.length) {
      await filterEstates(ctx, filter.communityCodes, `${prefix}communityCodes`);
    }
    throw error;
  }
  const statement = figuresStatement(ctx.viewer, query);
  const rows: FiguresRow[] = await ctx.em.execute(statement.sql, [...statement.bindings]);

  const meta = ctx.em.getMetadata();
  const estates = new Map<number, Community>();
  for (const row of rows) {
    if (!estates.has(row.community_id)) estates.set(row.community_id, mapRows<Community>(meta, 'Community', [row.community])[0]);
  }
  // The statement computed nothing unless every estate asked for came back readable; if one did not, refuse.
  if (query.codes) {
    const byCode = new Map([...estates.values()].map((c) => [c.code, c]));
    for (const code of query.codes) coveredEstate(ctx.viewer, code, byCode.get(code) ?? null, `${prefix}communityCodes`);
  }
  for (const estate of estates.values()) ctx.loaders.community.prime(estate.id, estate);

  const buckets: SatisfactionBucket[] = [];
  for (const row of rows) {
    if (row.period === null) continue; // an estate with no grids, asked per grid
    const grid = row.grid ? mapRows<Grid>(meta, 'Grid', [row.grid])[0] : null;
    if (grid) ctx.loaders.grid.prime(grid.id, grid);
    buckets.push({
      period: row.period,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      community: estates.get(row.community_id)!,
      grid,
      households: row.households,
      ticketsRaised: row.tickets_raised,
      ratingCount: row.rating_count,
      averageRating: row.average_rating,
      surveyScore: row.survey_score,
      survey: row.survey ? mapRows<SatisfactionSurvey>(meta, 'SatisfactionSurvey', [row.survey])[0] : null,
      complaintCount: row.complaint_count,
      complaintsPer1000Households: row.complaints_per_1000,
      ticketsResolved: row.tickets_resolved,
      responseSeconds: { count: row.response_count, p50: row.response_p50, p90: row.response_p90 },
      emergencyCount: row.emergency_count,
      emergencyOnSceneWithinTarget: row.emergency_within_target,
      emergencyResponseSeconds: { count: row.emergency_response_count, p50: row.emergency_response_p50, p90: row.emergency_response_p90 },
    });
  }
  return buckets;
}

/** What `recordSurvey` answers. */
export interface RecordedSurvey {
  survey: SatisfactionSurvey;
  replaced: boolean;
}

/**
 * Records an estate's survey for a period, replacing one recorded earlier for
 * the same estate and period (one statement: an upsert, so two managers
 * recording at once leave one survey, the later). MANAGER of the estate or
 * ADMIN. Failures: UNAUTHENTICATED, NOT_FOUND (no such estate), FORBIDDEN
 * (another estate, another role), BAD_USER_INPUT naming the field.
 */
export async function recordSurvey(ctx: Context, input: RecordSurveyInput): Promise<RecordedSurvey> {
  const { role, scope } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to record a survey');
  const code = input.communityCode;
  const community = isEstateCode(code) ? await ctx.loaders.communityByCode.load(code) : null;
  if (!community) throw notFound(`No estate has the code "${preview(code)}"`);
  if (!(scope === 'ALL' || scope.has(community.id))) throw forbidden(`Your token does not cover estate "${preview(code)}"`);
  if (role !== 'MANAGER' && role !== 'ADMIN') throw forbidden('Only a manager of the estate or an admin can record a survey');
  if (ctx.viewer.staffCommunityId !== undefined && ctx.viewer.staffCommunityId !== community.id) throw forbidden('You manage another estate');

  const { unit, startsOn } = parseSurveyPeriod(input.period, 'period');
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 100) throw badInput(`score must be 0 to 100, got ${input.score}`, 'score');
  const respondents = input.respondents ?? null;
  if (respondents !== null && (!Number.isInteger(respondents) || respondents < 1 || respondents > MAX_RESPONDENTS)) {
    throw badInput(`respondents must be 1 to ${MAX_RESPONDENTS.toLocaleString('en')}, got ${respondents}`, 'respondents');
  }
  const note = text(input.note, 'note', false, 'note');

  // xmax is 0 on a freshly inserted row and set on one the conflict clause updated: that is "replaced".
  const [row]: { survey: Record<string, unknown>; replaced: boolean }[] = await ctx.em.execute(
    `insert into satisfaction_survey (community_id, unit, starts_on, score, respondents, note, recorded_at, recorded_by)
     values (?, ?, ?::date, round(?::numeric, 2), ?, ?, now(), ?)
     on conflict (community_id, unit, starts_on) do update set score = excluded.score, respondents = excluded.respondents,
       note = excluded.note, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
     returning to_jsonb(satisfaction_survey.*) as survey, xmax::text <> '0' as replaced`,
    [community.id, unit, startsOn, input.score, respondents, note, ctx.viewer.subject],
  );
  ctx.logger.info({ requestId: ctx.requestId, community: community.code, unit, startsOn, replaced: row.replaced, by: ctx.viewer.subject }, 'survey recorded');
  return { survey: mapRows<SatisfactionSurvey>(ctx.em.getMetadata(), 'SatisfactionSurvey', [row.survey])[0], replaced: row.replaced };
}
