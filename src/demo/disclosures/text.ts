/**
 * Small helpers for the demo's disclosure texts: a deterministic random source (the demo is the
 * same every time it is seeded on the same day), invented names, amounts and HTML building blocks.
 */

/** mulberry32: a tiny seeded PRNG, good enough to vary demo texts. */
export class Rng {
  private s: number;
  constructor(seed: number | string) {
    this.s = typeof seed === 'number' ? seed >>> 0 : hash(seed);
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** k distinct elements, in their original order. */
  some<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, Math.min(k, xs.length))
      .sort((a, b) => a - b)
      .map((i) => xs[i]);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建华',
  '志强',
  '秀英',
  '桂兰',
  '海燕',
  '春生',
  '振宇',
  '丽娟',
  '晓东',
  '永红',
  '国平',
  '玉梅',
  '文斌',
  '小军',
  '雪梅',
  '德胜',
  '明亮',
  '佳怡',
  '子涵',
  '思远',
  '冬梅',
  '水生',
  '金凤',
  '长根',
  '慧敏',
  '俊杰',
  '红英',
  '福林',
  '雨欣',
  '家豪',
];

/** An invented name (surname + given name). */
export function personName(rng: Rng): string {
  return rng.pick([...SURNAMES]) + rng.pick(GIVEN);
}

/** 王建华 → 王*华 (how 公示 lists of subsidy recipients show names). */
export function maskName(name: string): string {
  return name.length <= 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`;
}

/** Cents → "12,345.60". */
export function yuan(cents: number): string {
  const abs = Math.abs(cents);
  const y = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}${y}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan → "3.26万元" style for prose. */
export function wan(cents: number): string {
  return `${(cents / 1_000_000).toFixed(2)}万元`;
}

/** A random amount in whole yuan (sometimes with 50 fen), as cents. */
export function amount(rng: Rng, lo: number, hi: number): number {
  const y = rng.int(lo, hi);
  return y * 100 + (rng.chance(0.2) ? 50 : 0);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function p(...paras: string[]): string {
  return paras.map((x) => `<p>${esc(x)}</p>`).join('');
}

export function h3(text: string): string {
  return `<h3>${esc(text)}</h3>`;
}

export function ol(items: string[]): string {
  return `<ol>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ol>`;
}

/** A simple table: header row, body rows, optional footer row. */
export function table(caption: string, head: string[], rows: string[][], foot?: string[]): string {
  const tr = (cells: string[], tag: 'td' | 'th') =>
    `<tr>${cells.map((c, i) => (i === 0 && tag === 'td' ? `<th scope="row">${esc(c)}</th>` : `<${tag}>${esc(c)}</${tag}>`)).join('')}</tr>`;
  return `<table><caption>${esc(caption)}</caption><thead>${tr(head, 'th')}</thead><tbody>${rows
    .map((r) => tr(r, 'td'))
    .join('')}</tbody>${foot ? `<tfoot>${tr(foot, 'td')}</tfoot>` : ''}</table>`;
}

/** '2026-03-05' → '2026年3月5日'. */
export function cnDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** '2026-03-05' + n calendar days. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
}

export const CN_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
