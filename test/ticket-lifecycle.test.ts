import { TICKET_STATUSES, type TicketStatus } from '../src/entities';
import { AppError } from '../src/errors';
import { MOVES, allowedPairs, moveBetween, transition, type Move } from '../src/services/ticket-lifecycle';

/** The state machine without a database: every pair of states, every move from every state. */

const EXPECTED: Record<string, Move | Move[]> = {
  'SUBMITTED→ACKNOWLEDGED': 'acknowledge',
  'ACKNOWLEDGED→IN_PROGRESS': 'start',
  'REOPENED→IN_PROGRESS': 'start',
  'IN_PROGRESS→RESOLVED': 'resolve',
  'RESOLVED→REOPENED': 'reopen',
  'SUBMITTED→CANCELLED': 'cancel',
  'ACKNOWLEDGED→CANCELLED': 'cancel',
  // The resident reporter's rating, or staff closing a ticket no resident reported.
  'RESOLVED→CLOSED': ['rate', 'close'],
};
const movesOf = (pair: string): Move[] => [EXPECTED[pair] ?? []].flat();

const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as [TicketStatus, TicketStatus]));

describe('ticket transitions', () => {
  it('covers exactly the documented graph', () => {
    const graph: Record<string, Move[]> = {};
    for (const [f, t, m] of allowedPairs()) (graph[`${f}→${t}`] ??= []).push(m);
    expect(graph).toEqual(Object.fromEntries(Object.keys(EXPECTED).map((pair) => [pair, movesOf(pair)])));
  });

  it.each(pairs)('%s → %s is allowed exactly when the table says so', (from, to) => {
    const move = moveBetween(from, to);
    expect(move).toBe(movesOf(`${from}→${to}`)[0] ?? null);
    for (const m of movesOf(`${from}→${to}`)) expect(transition(from, m)).toBe(to);
  });

  const attempts = TICKET_STATUSES.flatMap((from) => (Object.keys(MOVES) as Move[]).map((move) => [from, move] as [TicketStatus, Move]));
  it.each(attempts)('from %s, %s either leads where the table says or is INVALID_TRANSITION', (from, move) => {
    const target = Object.keys(EXPECTED).map((pair) => [pair] as const).find(([pair]) => movesOf(pair).includes(move) && pair.startsWith(`${from}→`));
    if (target) {
      expect(transition(from, move)).toBe(target[0].split('→')[1]);
    } else {
      let error: unknown;
      try {
        transition(from, move);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions.code).toBe('INVALID_TRANSITION');
      expect((error as AppError).message).toContain(from);
    }
  });

  it('lets nothing out of CLOSED or CANCELLED', () => {
    for (const final of ['CLOSED', 'CANCELLED'] as const) {
      for (const to of TICKET_STATUSES) expect(moveBetween(final, to)).toBeNull();
    }
  });
});
