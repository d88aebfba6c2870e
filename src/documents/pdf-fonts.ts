import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font comes with the npm dependencies (@embedpdf/fonts-sc: Noto Sans Hans, OFL-1.1,
 * full GB2312 coverage), never from the operating system or the network, so a PDF renders the
 * same on a fresh machine. pdfkit embeds only the glyphs a document uses, with a ToUnicode map,
 * so the text stays extractable (pdftotext) and a one-page letter weighs tens of kilobytes.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

export const FONT_FILES = {
  regular: join(FONT_DIR, 'NotoSansHans-Regular.otf'),
  bold: join(FONT_DIR, 'NotoSansHans-Bold.otf'),
} as const;

const cache = new Map<keyof typeof FONT_FILES, Buffer>();

/** The font bytes, read once per process (about 8 MB each). */
export function fontBytes(weight: keyof typeof FONT_FILES): Buffer {
  let b = cache.get(weight);
  if (!b) {
    b = readFileSync(FONT_FILES[weight]);
    cache.set(weight, b);
  }
  return b;
}
