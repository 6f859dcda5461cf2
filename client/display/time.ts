/**
 * Deadlines in the viewer's own time zone (GAME.md §7: phases of days). The server sends absolute
 * times; the browser's Intl data names the zone.
 */

/** "Tue 14:00 CET", or "14:00" today; with the date when it is more than a week away. */
export function localDeadline(ms: number, now = Date.now(), locale?: string): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const far = Math.abs(ms - now) > 6 * 86_400_000;
  const opts: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }
    : { weekday: 'short', ...(far ? { day: 'numeric', month: 'short' } : {}), hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

/** "3 h ago", "2 days ago": how long since a past moment. */
export function ago(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 90) return 'just now';
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 129_600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

/** "Thu 20:54": short enough for a top bar (the zone is in its tooltip). */
export function shortDeadline(ms: number, now = Date.now(), locale?: string): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(d);
}
