import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import { parseManifest, type TrustedDocuments } from './documents';
import { canonicalOrigin } from './origins';

/** The project root: `src/` and `dist/src/` both sit below it. */
export const PROJECT_ROOT = fs.existsSync(path.join(__dirname, '../package.json'))
  ? path.join(__dirname, '..')
  : path.join(__dirname, '../..');

/** Where the embedded database and the local development secret live (git-ignored). */
export const DATA_DIR = path.join(PROJECT_ROOT, '.data');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Unset: the embedded PostgreSQL in `.data/` is started and used. */
  databaseUrl?: string;
  jwtSecret: Uint8Array;
  logLevel: LogLevel;
  production: boolean;
  /** The longest a token may still be valid for when presented (its `exp` minus now), in seconds. */
  tokenMaxLifetimeSeconds: number;
  /** Limits on each GraphQL operation; unset: DEFAULT_LIMITS. */
  limits?: QueryLimits;
  /** Operations per caller and window; unset: no rate limit. */
  rateLimit?: RateLimitConfig;
  /** Emergency dispatch timing; unset: DEFAULT_DISPATCH. */
  dispatch?: DispatchConfig;
  /** Special-care visit timing; unset: DEFAULT_CARE. */
  care?: CareConfig;
  /**
   * CORS_ORIGINS: browser origins allowed on HTTP and WebSocket upgrades, in
   * canonical form (`:*` = any port). Unset: any port on localhost and
   * 127.0.0.1 outside production, none in production (see src/origins.ts).
   */
  corsOrigins?: readonly string[];
  /** TRUSTED_DOCUMENTS: when set, the only documents the server runs (see src/documents.ts). */
  trustedDocuments?: TrustedDocuments;
  /** METRICS_TOKEN: when set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * DOCUMENT_CACHE_MIB: memory for parsed and validated documents, which are
   * then also estimated and compiled once each. Unset: DEFAULT_DOCUMENT_CACHE_MIB.
   */
  documentCacheMiB?: number;
}

/** Apollo Server's own default: room for the documents of a few hundred typical client operations. */
export const DEFAULT_DOCUMENT_CACHE_MIB = 30;

/** A caller (a token's subject and role, else an IP address) may run `points` operations per `windowSeconds`. */
export interface RateLimitConfig {
  points: number;
  windowSeconds: number;
}

/** Operations per window when NODE_ENV=production and RATE_LIMIT_POINTS is unset. */
export const PRODUCTION_RATE_LIMIT: Readonly<RateLimitConfig> = Object.freeze({ points: 600, windowSeconds: 60 });

/** The environment variable behind each query limit. */
export const LIMIT_VARIABLES: Readonly<Record<keyof QueryLimits, string>> = Object.freeze({
  depth: 'GRAPHQL_MAX_DEPTH',
  introspectionDepth: 'GRAPHQL_MAX_INTROSPECTION_DEPTH',
  cost: 'GRAPHQL_MAX_COST',
  aliases: 'GRAPHQL_MAX_ALIASES',
  directives: 'GRAPHQL_MAX_DIRECTIVES',
  tokens: 'GRAPHQL_MAX_TOKENS',
  selections: 'GRAPHQL_MAX_SELECTIONS',
});

/** A configuration mistake; its message is one line naming the variable. */
export class ConfigError extends Error {}

/**
 * Reads the configuration from the environment. Every bad value throws a
 * ConfigError naming the variable, so a start fails with one clear line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: parsePort(env.PORT),
    host: parseHost(env.HOST),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    jwtSecret: parseJwtSecret(env.JWT_SECRET, production),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    production,
    tokenMaxLifetimeSeconds: parseDuration(env.TOKEN_MAX_LIFETIME, 'TOKEN_MAX_LIFETIME', 24 * 3600),
    limits: parseLimits(env),
    rateLimit: parseRateLimit(env, production),
    dispatch: {
      ackTimeoutSeconds: parseCount('DISPATCH_ACK_TIMEOUT_SECONDS', env.DISPATCH_ACK_TIMEOUT_SECONDS, DEFAULT_DISPATCH.ackTimeoutSeconds),
      timerPollMs: parseCount('DISPATCH_TIMER_POLL_MS', env.DISPATCH_TIMER_POLL_MS, DEFAULT_DISPATCH.timerPollMs),
    },
    care: { visitWindowSeconds: parseDuration(env.CARE_VISIT_WINDOW, 'CARE_VISIT_WINDOW', DEFAULT_CARE.visitWindowSeconds) },
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    trustedDocuments: parseTrustedDocuments(env.TRUSTED_DOCUMENTS),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    documentCacheMiB: parseCount('DOCUMENT_CACHE_MIB', env.DOCUMENT_CACHE_MIB, DEFAULT_DOCUMENT_CACHE_MIB),
  };
}

/** A whole number of at least `min`, or `fallback` when unset. */
function parseCount(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function parseLimits(env: NodeJS.ProcessEnv): QueryLimits {
  const entries = (Object.keys(LIMIT_VARIABLES) as (keyof QueryLimits)[])
    .map((key) => [key, parseCount(LIMIT_VARIABLES[key], env[LIMIT_VARIABLES[key]], DEFAULT_LIMITS[key])]);
  return Object.fromEntries(entries) as QueryLimits;
}

/**
 * RATE_LIMIT_POINTS: operations per window; 0 turns the limit off. Unset: on
 * in production (PRODUCTION_RATE_LIMIT), off elsewhere.
 */
/** How long a dispatch waits for an acknowledgement before it escalates, and how often timers are looked at. */
export interface DispatchConfig {
  /** DISPATCH_ACK_TIMEOUT_SECONDS: a dispatch nobody acknowledged within this escalates (the next unit, then the manager). */
  ackTimeoutSeconds: number;
  /** DISPATCH_TIMER_POLL_MS: how often each instance claims due timers (escalations, missed targets). */
  timerPollMs: number;
}

export const DEFAULT_DISPATCH: Readonly<DispatchConfig> = Object.freeze({ ackTimeoutSeconds: 120, timerPollMs: 1000 });

/** How long staff have for a care visit once it falls due. */
export interface CareConfig {
  /** CARE_VISIT_WINDOW: a visit with no outcome recorded this long after it fell due is overdue (an OVERDUE care event). */
  visitWindowSeconds: number;
}

export const DEFAULT_CARE: Readonly<CareConfig> = Object.freeze({ visitWindowSeconds: 24 * 3600 });

function parseRateLimit(env: NodeJS.ProcessEnv, production: boolean): RateLimitConfig | undefined {
  const windowSeconds = parseCount('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, PRODUCTION_RATE_LIMIT.windowSeconds);
  const raw = env.RATE_LIMIT_POINTS;
  if (raw === undefined || raw === '') return production ? { ...PRODUCTION_RATE_LIMIT, windowSeconds } : undefined;
  const points = parseCount('RATE_LIMIT_POINTS', raw, 0, 0);
  return points === 0 ? undefined : { points, windowSeconds };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseHost(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (/\s|\//.test(raw)) throw new ConfigError(`HOST must be a host name or IP address, got "${raw}"`);
  return raw;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL like postgresql://user@host:5432/dbname');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgresql://, got "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL must name a database, e.g. postgresql://host:5432/gridkeeper');
  return raw;
}

function parseJwtSecret(raw: string | undefined, production: boolean): Uint8Array {
  if (raw !== undefined && raw !== '') {
    if (Buffer.byteLength(raw) < 32) throw new ConfigError('JWT_SECRET must be at least 32 bytes long');
    return new TextEncoder().encode(raw);
  }
  if (production) throw new ConfigError('JWT_SECRET must be set when NODE_ENV=production');
  return new TextEncoder().encode(developmentSecret());
}

/**
 * Outside production a missing JWT_SECRET falls back to a random secret kept in
 * `.data/`, shared by the server and `npm run token`, so local tokens just work.
 */
function developmentSecret(): string {
  const file = path.join(DATA_DIR, 'dev-jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw as LogLevel;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A duration such as `90s`, `30m`, `24h`, `7d` or a bare number of seconds, in seconds. */
export function parseDuration(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d{1,9})([smhd]?)$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : 0;
  if (!match || seconds <= 0) throw new ConfigError(`${name} must be a duration like 3600, 90m, 24h or 7d, got "${raw}"`);
  return seconds;
}

function parseCorsOrigins(raw: string | undefined): readonly string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const origin = canonicalOrigin(entry);
    if (!origin) throw new ConfigError(`CORS_ORIGINS must list origins like https://app.example.com or http://localhost:* (no path), got "${entry}"`);
    return origin;
  });
}

function parseTrustedDocuments(raw: string | undefined): TrustedDocuments | undefined {
  if (raw === undefined || raw === '') return undefined;
  let json: string;
  try {
    json = fs.readFileSync(raw, 'utf8');
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS must be a readable manifest file, could not read "${raw}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseManifest(json);
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS file "${raw}" ${(error as Error).message}`);
  }
}

function parseMetricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || /\s/.test(raw)) throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces');
  return raw;
}
