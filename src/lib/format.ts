/** Timestamps are shown in China Standard Time (UTC+8, no daylight saving), minutes precision. */
export function fmtTime(isoTs: string | null | undefined): string {
  if (!isoTs) return '—';
  const d = new Date(new Date(isoTs).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
