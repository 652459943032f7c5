import crypto from 'node:crypto';
import type { Logger } from '../logger';

export interface HeartbeatOptions {
  /** How often a probe is sent. */
  everyMs: number;
  /** How long after a probe's NOTIFY committed its echo may take before the watched connection is declared dead. */
  deadAfterMs: number;
  /** Sends `payload` as a NOTIFY through a connection other than the watched one; resolves once it committed. */
  send(payload: string): Promise<unknown>;
  /** The watched connection missed an echo; `silentMs` is how long nothing arrived on it. Called at most once. */
  onDead(silentMs: number): void;
  logger: Logger;
}

interface Probe {
  payload: string;
  sentAt: number;
  /** Armed once the NOTIFY committed: from then on only the watched connection can be late. */
  deadline: NodeJS.Timeout | null;
}

/**
 * Proves that one LISTEN connection still hears. A half-open connection (a
 * NAT or proxy dropped it without a FIN, or a path whose far side still
 * acknowledges TCP but forwards nothing) never reports an error: it just
 * goes quiet, and quiet is also what an idle listener looks like. So every
 * `everyMs` a notification is sent to it through another connection, and if
 * it does not come back within `deadAfterMs` the connection is dead. One
 * Heartbeat watches one connection and is stopped with it.
 */
export class Heartbeat {
  private readonly timer: NodeJS.Timeout;
  private probe: Probe | null = null;
  private lastHeard = Date.now();
  private stopped = false;

  constructor(private readonly options: HeartbeatOptions) {
    this.timer = setInterval(() => this.beat(), options.everyMs);
    this.timer.unref();
  }

  /** Something arrived on the watched connection (`payload`: a notification's, to match against the probe). */
  heard(payload?: string): void {
    this.lastHeard = Date.now();
    if (this.probe && payload === this.probe.payload) {
      if (this.probe.deadline) clearTimeout(this.probe.deadline);
      this.probe = null;
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.probe?.deadline) clearTimeout(this.probe.deadline);
    this.probe = null;
  }

  private beat(): void {
    if (this.stopped) return;
    if (this.probe) {
      if (this.probe.deadline) return; // its verdict is pending
      // The NOTIFY itself has not committed (the pool is busy or the database is away): that says nothing
      // about the watched connection, so no verdict; once overdue, start afresh rather than wait forever.
      if (Date.now() - this.probe.sentAt < this.options.deadAfterMs) return;
      this.probe = null;
    }
    const probe: Probe = { payload: crypto.randomBytes(6).toString('hex'), sentAt: Date.now(), deadline: null };
    this.probe = probe;
    this.options.send(probe.payload).then(
      () => {
        if (this.stopped || this.probe !== probe) return; // echoed before the send resolved
        probe.deadline = setTimeout(() => {
          // After a long block of the event loop, timers run before pending socket reads: let one I/O poll
          // deliver an echo that is already waiting before judging, so a busy process does not drop a live connection.
          setImmediate(() => this.judge(probe));
        }, this.options.deadAfterMs);
        probe.deadline.unref();
      },
      (error) => {
        if (this.probe === probe) this.probe = null;
        this.options.logger.debug({ err: error }, 'event listener heartbeat could not be sent');
      },
    );
  }

  private judge(probe: Probe): void {
    if (this.stopped || this.probe !== probe) return;
    const silentMs = Date.now() - this.lastHeard;
    this.stop();
    this.options.onDead(silentMs);
  }
}
