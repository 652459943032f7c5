import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** JSON logs on stdout, one object a line. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'gridkeeper' }, timestamp: pino.stdTimeFunctions.isoTime });
}
