import type DataLoader from 'dataloader';
import { badInput, hidden } from '../errors';
import { fromGlobalId, type NodeType } from '../ids';

/**
 * What the ticket mutations accept: text within the limits of the columns it
 * is stored in, and the objects an input names besides its target.
 */

/** Longest text per field, in characters; each column holds at least this much (tested against the database). */
export const LIMITS = { title: 200, description: 4000, note: 1000, comment: 1000, idempotencyKey: 100 } as const;

/** Trimmed text within its limit; null when empty. Control characters other than tab and line breaks never reach the database. */
export function text(value: string | null | undefined, field: keyof typeof LIMITS, required: boolean, name: string = field): string | null {
  return limitedText(value, name, LIMITS[field], required);
}

/** `text` for any field and limit: trimmed, at most `max` characters, no control characters; null when empty. */
export function limitedText(value: string | null | undefined, name: string, max: number, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (required && trimmed === '') throw badInput(`${name} must not be empty`, name);
  if (trimmed.length > max) throw badInput(`${name} is at most ${max} characters, got ${trimmed.length}`, name);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) throw badInput(`${name} must not contain control characters`, name);
  return trimmed === '' ? null : trimmed;
}

/**
 * An object the input names besides the target (an assignee, a reporter).
 * One that does not exist or that the viewer may not read is NOT_FOUND, in
 * the same words, before anything about the action is checked; a malformed
 * ID is a bad value like any other, refused last (BAD_USER_INPUT, where the
 * caller calls `expectGlobalId`). Null when there is no ID or it is malformed.
 */
export async function lookUp<T>(globalId: string | null | undefined, type: NodeType, loader: DataLoader<number, T | null>): Promise<T | null> {
  const decoded = globalId == null ? null : fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) return null;
  const found = await loader.load(decoded.id);
  if (!found) throw hidden(type);
  return found;
}

