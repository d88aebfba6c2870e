import { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
export type Params = Record<string, string | number>;

/**
 * Looks a message up in the zh-CN catalog and fills {placeholders}. Unknown keys come back as the
 * key itself so a missing text is visible instead of blank. One catalog today; the shape allows more.
 */
export function t(key: string, params: Params = {}): string {
  const template = (zhCN as Record<string, string>)[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function hasMessage(key: string): boolean {
  return key in zhCN;
}
