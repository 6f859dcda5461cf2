import { describe, expect, it } from 'vitest';
import { ago, localDeadline } from '../../client/display/time';

/** Deadlines of long matches in the viewer's own time zone (GAME.md §7). */
describe('local deadlines', () => {
  const at = (d: number, h: number, m = 0) => {
    const x = new Date(2030, 0, 7 + d, h, m);
    return x.getTime();
  };
  const now = at(0, 9, 30);

  it.each([
    ['today: the time and the zone', at(0, 14), /14:00/],
    ['later this week: the weekday too', at(2, 8, 5), /Wed.*08:05|08:05.*Wed/],
    ['weeks away: the date too', at(20, 18), /27/],
  ])('%s', (_name, ms, pattern) => {
    const s = localDeadline(ms, now, 'en-GB');
    expect(s).toMatch(pattern);
    // Always names the zone, so a class spread over zones reads the same moment.
    expect(s).toMatch(/[A-Z]{2,}|GMT|UTC/);
  });

  it.each([
    [30_000, 'just now'], [20 * 60_000, '20 min ago'], [5 * 3_600_000, '5 h ago'], [3 * 86_400_000, '3 days ago'],
  ])('%i ms ago reads "%s"', (dt, text) => expect(ago(now - dt, now)).toBe(text));
});
