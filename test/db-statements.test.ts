import { numbered, singleKey } from '../src/db/statements';

/** A batch of one key is sent in the scalar form PostgreSQL plans once per connection; the array form for any other batch. */
describe('singleKey', () => {
  it.each([
    ['an id list', 'select x.* from "ticket" x where x.id = any(?::bigint[]) and (x.community_id = ?)', 0,
      'select x.* from "ticket" x where x.id = ?::bigint and (x.community_id = ?)'],
    ['a code list', 'select x.* from "community" x where x.code = any(?::text[]) and (true)', 0,
      'select x.* from "community" x where x.code = ?::text and (true)'],
    ['the parents of a page', 'with p as materialized (select u.pid, u.ord from unnest(?::int[]) with ordinality as u(pid, ord)) select 1', 0,
      'with p as materialized (select u.pid, u.ord from (values (?::int, 1::bigint)) as u(pid, ord)) select 1'],
    // Placeholders before the batch's (columns read beside each row) are left as they are, arrays included.
    ['the placeholder after the leading ones', 'select q.*, (select 1 where r.c = any(?::int[])) from (select x.* from "t" x where x.id = any(?::bigint[])) q', 1,
      'select q.*, (select 1 where r.c = any(?::int[])) from (select x.* from "t" x where x.id = ?::bigint) q'],
    ['a question mark inside quotes', `select x.* from "t" x where x.note <> '?' and x.id = any(?::bigint[])`, 0,
      `select x.* from "t" x where x.note <> '?' and x.id = ?::bigint`],
  ])('rewrites %s', (_name, sql, leading, expected) => {
    expect(singleKey(sql, leading)).toBe(expected);
  });

  it('leaves a placeholder of any other form alone', () => {
    expect(singleKey('select x.* from "t" x where x.id in (select unnest(?::int[]))', 0)).toBeNull();
    expect(singleKey('select x.* from "t" x where x.id <> all(?::int[])', 0)).toBeNull();
  });
});

describe('numbered', () => {
  it('numbers the placeholders outside quotes in order', () => {
    expect(numbered(`select '?', "a?" from t where a = ? and b = any(?::int[]) and c = ?`))
      .toBe(`select '?', "a?" from t where a = $1 and b = any($2::int[]) and c = $3`);
  });
});
