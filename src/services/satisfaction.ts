import { SatisfactionSurvey } from '../entities';
import { isEstateCode } from '../auth';
import type { Context } from '../context';
import { mapRows } from '../db/rows';
import { badInput, forbidden, notFound, preview, unauthenticated } from '../errors';
import type { RecordSurveyInput } from '../generated/graphql';
import { parseSurveyPeriod } from './satisfaction-periods';
import { text } from './tickets';

/** Satisfaction surveys: the score an estate is judged by, recorded by its manager. */

const MAX_RESPONDENTS = 10_000_000;

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
