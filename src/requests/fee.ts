/**
 * 信息处理费 (国办函〔2020〕109号, regulations.md §1.5). Pure: amounts in whole yuan.
 * - per request (按件): the applicant's n-th request of the calendar month; 1–10 free, 11–30
 *   100 元, then each further band of 10 costs 100 元 more (31–40: 200, 41–50: 300 …);
 * - per volume (按量): pages of one request; 1–30 free, 31–100 10 元/页, 101–200 20 元/页,
 *   from 201 40 元/页 — progressive (超额累进).
 */
export function perRequestFee(ordinal: number): number {
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 * (1 + Math.ceil((ordinal - 30) / 10));
}

export function perVolumeFee(pages: number): number {
  const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from) * price;
  return band(30, 100, 10) + band(100, 200, 20) + band(200, Number.POSITIVE_INFINITY, 40);
}

export function processingFee(method: 'per_request' | 'per_volume', quantity: number): number {
  return method === 'per_request' ? perRequestFee(quantity) : perVolumeFee(quantity);
}
