/**
 * Rich-text body of a disclosure (正文), sanitised on the server before it is stored: a fixed set
 * of tags for official documents survives; scripts, styles, frames, event handlers and any URL
 * scheme other than http/https/mailto do not, however they are spelled (sanitize-html decodes
 * entities and strips control characters and whitespace before judging a scheme). Images may only
 * point at the platform's own /files/ URLs, so a body can never load or track from elsewhere.
 */
import sanitizeHtml from 'sanitize-html';

const INTERNAL_FILE = /^\/files\/[A-Za-z0-9][A-Za-z0-9._~%-]*(?:\/[A-Za-z0-9][A-Za-z0-9._~%-]*)*$/;

/**
 * Our own scheme check before sanitize-html's (which runs after transformTags): the parser has
 * already decoded entities; control characters and whitespace are removed the way browsers do.
 */
export function safeHref(href: string | undefined): boolean {
  if (!href) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^[/\\]{2}/.test(compact)) return false; // protocol-relative (browsers read \ as /)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return !compact.includes(':') || /^[^:]*[/?#]/.test(compact);
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

function positiveInt(v: string | undefined, max: number): string | undefined {
  if (!v || !/^\d{1,3}$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n >= 1 && n <= max ? String(n) : undefined;
}

function cellAttrs(attribs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const colspan = positiveInt(attribs.colspan, 100);
  const rowspan = positiveInt(attribs.rowspan, 1000);
  if (colspan) out.colspan = colspan;
  if (rowspan) out.rowspan = rowspan;
  if (['col', 'row', 'colgroup', 'rowgroup'].includes(attribs.scope)) out.scope = attribs.scope;
  // passed on to allowedClasses, which keeps only 'num' (the finance table's amount cells)
  if (attribs.class) out.class = attribs.class;
  return out;
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'blockquote',
    'a',
    'img',
    'span',
    'div',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope', 'class'],
    td: ['colspan', 'rowspan', 'class'],
    ol: ['start'],
  },
  // only the classes the platform's own finance table uses (amounts right-aligned), nothing else
  allowedClasses: { table: ['finance-table'], th: ['num'], td: ['num'], span: ['finance-unit'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // Text inside these is dropped with the tag, not shown as text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'title',
    'xmp',
    'noembed',
    'noframes',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const out: Record<string, string> = {};
      if (safeHref(attribs.href))
        Object.assign(out, { href: attribs.href.trim(), rel: 'noopener noreferrer' });
      return { tagName, attribs: out };
    },
    th: (tagName, attribs) => ({ tagName, attribs: cellAttrs(attribs) }),
    td: (tagName, attribs) => {
      const { scope: _scope, ...rest } = cellAttrs(attribs);
      return { tagName, attribs: rest };
    },
    img: (tagName, attribs) => {
      const out: Record<string, string> = { alt: attribs.alt ?? '' };
      if (attribs.src && INTERNAL_FILE.test(attribs.src.trim())) out.src = attribs.src.trim();
      const width = positiveInt(attribs.width, 4000);
      const height = positiveInt(attribs.height, 4000);
      if (width) out.width = width;
      if (height) out.height = height;
      return { tagName, attribs: out };
    },
    b: 'strong',
    i: 'em',
    h1: 'h2',
  },
  // An image without an allowed source is dropped entirely.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The body as it may be stored and shown. Idempotent: sanitizeBody(sanitizeBody(x)) === sanitizeBody(x). */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END =
  /<\/(p|h[1-6]|li|tr|blockquote|div|caption|table|thead|tbody|tfoot|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/**
 * Plain text of a body for the privacy guard, diffs and search: block elements end lines, table
 * cells are separated by a tab, runs of spaces collapse, blank lines collapse.
 */
export function htmlToText(html: string): string {
  const safe = sanitizeBody(html);
  const text = safe
    .replace(/<\/t[dh]>\s*(?=<t[dh][\s>])/gi, '\t')
    .replace(BLOCK_END, (m) => `${m}\n`)
    .replace(/<li[\s>]/gi, (m) => `• ${m}`)
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \u00a0\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
