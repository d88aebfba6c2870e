import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP receiver on loopback (smtp-server) for email tests: no mock transport, the app talks
 * SMTP to it like to a mail relay. Messages are parsed just enough to read the envelope, To,
 * Subject and the text/plain body, with RFC 2047 encoded words and base64 / quoted-printable
 * bodies decoded (nodemailer encodes Chinese text either way).
 */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  rcptTo: string[];
  mailFrom: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  raw: string;
  /** The user name the client authenticated as, if it did. */
  user: string | null;
}

export interface SmtpReceiver {
  url: string;
  port: number;
  messages: ReceivedMail[];
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMessage(raw);
        messages.push({
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: decodeWords(parsed.headers.get('to') ?? ''),
          from: decodeWords(parsed.headers.get('from') ?? ''),
          subject: decodeWords(parsed.headers.get('subject') ?? ''),
          text: parsed.text,
          raw,
          user: typeof session.user === 'string' ? session.user : null,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(n, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} emails, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  text: string;
}

/** Headers, then the first text/plain part (descending into multipart/*). */
export function parseMessage(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const name = line.slice(0, i).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(i + 1).trim());
    }
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const p of parts) {
      if (p.startsWith('--')) break;
      const sub = parseMessage(p.replace(/^\r?\n/, ''));
      if (sub.text) return { headers, text: sub.text };
    }
    return { headers, text: '' };
  }
  if (!/^text\/plain/i.test(type)) return { headers, text: '' };
  const enc = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return { headers, text: decodeBody(body, enc).replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

export function decodeQuotedPrintable(s: string): string {
  return Buffer.from(quotedPrintableBytes(s.replace(/=\r?\n/g, ''))).toString('utf8');
}

function quotedPrintableBytes(s: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return bytes;
}

/**
 * RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=). Adjacent words are joined byte-wise
 * before decoding, since a character may be split across two words.
 */
export function decodeWords(value: string): string {
  const re = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = '';
  let pending: number[] = [];
  let last = 0;
  const flush = () => {
    if (pending.length) out += Buffer.from(pending).toString('utf8');
    pending = [];
  };
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(pending.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const data = m[3];
    const bytes =
      m[2].toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : quotedPrintableBytes(data.replace(/_/g, ' '));
    pending.push(...bytes);
    last = re.lastIndex;
  }
  flush();
  return out + value.slice(last);
}
