import crypto from 'node:crypto';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import { viewerFromAuthorization, type TokenRules, type Viewer } from './access/viewer';
import { createContext } from './context';
import { PERIOD_UNITS, type PeriodUnit } from './entities';
import { AppError, badInput, preview } from './errors';
import type { Logger } from './logger';
import { satisfactionFigures, type FiguresFilter, type SatisfactionBucket } from './services/satisfaction';

/**
 * `GET /exports/satisfaction.csv`: the satisfaction figures as a spreadsheet
 * file, for integrators who load them that way. The same filter as the
 * `satisfaction` query, as query parameters (`communityCodes` repeated or
 * comma-separated, `from`, `to`, `groupBy`, `perGrid`), the same token rules
 * and the same single statement (the service is shared); failures are JSON
 * `{ errors: [{ message, extensions: { code } }] }` with 401, 403 or 400,
 * never a 500 for a caller's mistake.
 *
 * The file is UTF-8 with a byte order mark (so that Excel reads the estates'
 * Chinese names right; other readers skip it), a header row of the GraphQL
 * field names, one row per bucket, quoted by csv-stringify where a value
 * needs it, and streamed to the response. Empty fields are nulls. A survey's
 * free-text note is left out: it is personal for some of the roles that may
 * export, and the file is the same for every role.
 */

/** The columns, named after the GraphQL fields (nested ones flattened), and how each is read from a bucket. */
const COLUMNS: readonly [string, (b: SatisfactionBucket) => string | number | null][] = [
  ['communityCode', (b) => b.community.code],
  ['communityName', (b) => b.community.name],
  ['gridCode', (b) => b.grid?.code ?? null],
  ['gridName', (b) => b.grid?.name ?? null],
  ['period', (b) => b.period],
  ['periodStart', (b) => b.periodStart],
  ['periodEnd', (b) => b.periodEnd],
  ['households', (b) => b.households],
  ['ticketsRaised', (b) => b.ticketsRaised],
  ['ratingCount', (b) => b.ratingCount],
  ['averageRating', (b) => b.averageRating],
  ['surveyScore', (b) => b.surveyScore],
  ['complaintCount', (b) => b.complaintCount],
  ['complaintsPer1000Households', (b) => b.complaintsPer1000Households],
  ['ticketsResolved', (b) => b.ticketsResolved],
  ['responseCount', (b) => b.responseSeconds.count],
  ['responseSecondsP50', (b) => b.responseSeconds.p50],
  ['responseSecondsP90', (b) => b.responseSeconds.p90],
  ['emergencyCount', (b) => b.emergencyCount],
  ['emergencyOnSceneWithinTarget', (b) => b.emergencyOnSceneWithinTarget],
  ['emergencyResponseSecondsP50', (b) => b.emergencyResponseSeconds.p50],
  ['emergencyResponseSecondsP90', (b) => b.emergencyResponseSeconds.p90],
];

const PARAMETERS = new Set(['communityCodes', 'from', 'to', 'groupBy', 'perGrid']);
const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };

/** The filter from the query string; BAD_USER_INPUT naming the parameter. */
export function filterFromQuery(query: Request['query']): FiguresFilter {
  for (const key of Object.keys(query)) if (!PARAMETERS.has(key)) throw badInput(`Unknown query parameter "${preview(key)}"; the filter takes ${[...PARAMETERS].join(', ')}`, key);
  const single = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badInput(`${key} may be given once`, key);
    return value;
  };
  const required = (key: string): string => {
    const value = single(key);
    if (value === undefined || value === '') throw badInput(`${key} is required`, key);
    return value;
  };
  const raw = query.communityCodes;
  const codes = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => (typeof value === 'string' ? value.split(',') : [''])).map((code) => code.trim()).filter((code) => code !== '');
  const groupBy = required('groupBy');
  if (!(PERIOD_UNITS as readonly string[]).includes(groupBy)) throw badInput(`groupBy must be one of ${PERIOD_UNITS.join(', ')}, got "${preview(groupBy)}"`, 'groupBy');
  const perGrid = single('perGrid');
  if (perGrid !== undefined && !(perGrid in BOOLEANS)) throw badInput(`perGrid must be true or false, got "${preview(perGrid)}"`, 'perGrid');
  return { communityCodes: codes, from: required('from'), to: required('to'), groupBy: groupBy as PeriodUnit, perGrid: perGrid === undefined ? false : BOOLEANS[perGrid] };
}

/** What the export needs from the server. */
export interface ExportOptions {
  em: EntityManager;
  tokenRules: TokenRules;
  logger: Logger;
  /** The per-caller rate limit of /graphql (it reads `res.locals.viewer`): an export is one operation. */
  rateLimit: RequestHandler;
}

/** The handlers of `GET /exports/satisfaction.csv` (after `requestIds`): the token, the rate limit, the file. */
export function satisfactionCsv({ em, tokenRules, logger, rateLimit }: ExportOptions): RequestHandler[] {
  const readToken: RequestHandler = (req, res, next) => {
    viewerFromAuthorization(req.headers.authorization, tokenRules, () => em.fork() as EntityManager)
      .then((viewer) => { res.locals.viewer = viewer; }, (error: unknown) => { res.locals.authError = error; })
      .then(() => next(), next);
  };
  const send: RequestHandler = async (req, res) => {
    const started = performance.now();
    const requestId: string = res.locals.requestId ?? crypto.randomUUID();
    try {
      if (res.locals.authError) throw res.locals.authError;
      const filter = filterFromQuery(req.query);
      const ctx = createContext(em, res.locals.viewer as Viewer, requestId, logger);
      const buckets = await satisfactionFigures(ctx, filter, '');
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition',
        `attachment; filename="satisfaction-${filter.from}-${filter.to}-${filter.groupBy.toLowerCase()}${filter.perGrid ? '-grids' : ''}.csv"`);
      const csv = stringify({ header: true, bom: true, columns: COLUMNS.map(([name]) => name) });
      const sent = pipeline(csv, res);
      for (const bucket of buckets) {
        if (!csv.write(COLUMNS.map(([, read]) => read(bucket)))) await once(csv, 'drain');
      }
      csv.end();
      await sent;
      logger.info({ requestId, path: req.path, rows: buckets.length, sqlStatements: ctx.statements.count, durationMs: performance.now() - started }, 'csv export');
    } catch (error) {
      fail(res, requestId, error, logger);
    }
  };
  return [readToken, rateLimit, send];
}

function fail(res: Response, requestId: string, error: unknown, logger: Logger): void {
  const code = error instanceof AppError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
  const status = HTTP_STATUS[code] ?? 500;
  if (status === 500) logger.error({ requestId, err: error }, 'csv export failed');
  if (res.headersSent) {
    // Half a file must not pass for a whole one.
    res.destroy();
    return;
  }
  const body = status === 500
    ? { message: 'Internal server error', extensions: { code, requestId } }
    : { message: (error as AppError).message, extensions: (error as AppError).extensions };
  res.status(status).json({ errors: [body] });
}
