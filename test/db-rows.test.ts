import { parseTimestamp } from '../src/db/rows';

/** Timestamps as PostgreSQL sends them to the UTC session, and as rows read as JSON carry them. */
describe('parseTimestamp', () => {
  const general = (text: string) => new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

  it.each([
    '2024-09-11 02:03:31+00', '2024-09-11 02:03:31.123456+00', '2024-09-11 02:03:31.5+00', '2024-12-31 23:59:59.999999+00',
    '2024-09-11T02:03:31.12+00:00', '2024-09-11T02:03:31+00:00', '2024-02-29 12:00:00.000001+00',
    '0999-01-01 00:00:00+00', '0050-06-01 00:00:00+00', '2024-09-11 02:03:31+05', '2024-09-11T02:03:31-03:00',
  ])('reads %s as the same instant as the general parser', (text) => {
    expect(parseTimestamp(text).toISOString()).toBe(general(text).toISOString());
  });

  it.each(['infinity', '2024-09-11 02:03:31.+00', '2024-09-1x 02:03:31+00'])('gives an invalid date for %s, as the general parser does', (text) => {
    expect(Number.isNaN(parseTimestamp(text).getTime())).toBe(true);
    expect(Number.isNaN(general(text).getTime())).toBe(true);
  });
});
