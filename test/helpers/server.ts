import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import { freshDb, type TestDb } from './db.ts';
import { FIXED_NOW, makeWorld, TEST_PASSWORD, type World } from './factories.ts';

/** A mutable clock: tests move time forward explicitly. */
export class TestClock {
  constructor(public current: Date = FIXED_NOW) {}
  now = (): Date => new Date(this.current);
  advanceMinutes(m: number): void {
    this.current = new Date(this.current.getTime() + m * 60_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  world: World;
  clock: TestClock;
  client(): Client;
  close(): Promise<void>;
}

export function testConfig(over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { dialect: 'sqlite', location: ':memory:' },
    demo: false,
    tenantCode: null,
    logLevel: 'silent',
    uploadLimitBytes: 20 * 1024 * 1024,
    secureCookies: false,
    trustProxy: false,
    publicUrl: null,
    smtpUrl: null,
    mailFrom: 'Gongkai <noreply@localhost>',
    ...over,
  };
}

/** A real app on a fresh real database (SQLite or PostgreSQL per DATABASE_URL), driven through HTTP injection. */
export async function startTestApp(
  opts: { config?: Partial<Config>; db?: TestDb; world?: World; clock?: TestClock } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await freshDb());
  const world = opts.world ?? (await makeWorld(db.db));
  const clock = opts.clock ?? new TestClock();
  const app = await buildApp({
    db: db.db,
    dialect: db.dialect,
    config: testConfig(opts.config),
    tenant: { id: world.tenantId, name: '测试县' },
    clock: clock.now,
    logger: false,
  });
  await app.ready();
  return {
    app,
    db,
    world,
    clock,
    client: () => new Client(app),
    close: async () => {
      await app.close();
      if (!opts.db) await db.cleanup();
    },
  };
}

export interface RequestOptions {
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  /** Send the CSRF token automatically (default true for unsafe methods). */
  csrf?: boolean;
  ip?: string;
}

/** A browser-like client: keeps cookies, finds the CSRF token like a page would. */
export class Client {
  cookies = new Map<string, string>();
  csrfToken = '';
  bearer: string | null = null;
  constructor(private app: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: string, url: string, o: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && o.csrf !== false && !this.csrfToken && !this.bearer) await this.refreshCsrf();
    const headers: Record<string, string> = { accept: 'text/html', ...(o.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | undefined;
    if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = { ...o.form };
      if (unsafe && o.csrf !== false && !this.bearer) form._csrf = this.csrfToken;
      payload = new URLSearchParams(form).toString();
    } else if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      headers.accept = 'application/json';
      payload = JSON.stringify(o.json);
      if (unsafe && o.csrf !== false && !this.bearer) headers['x-csrf-token'] = this.csrfToken;
    } else if (unsafe && o.csrf !== false && !this.bearer) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const res = await this.app.inject({
      method: method as never,
      url,
      headers,
      payload,
      remoteAddress: o.ip ?? '127.0.0.1',
    });
    this.store(res);
    return res;
  }

  get(url: string, o: RequestOptions = {}) {
    return this.request('GET', url, o);
  }
  post(url: string, o: RequestOptions = {}) {
    return this.request('POST', url, o);
  }

  /** Reads the CSRF token the way a page would: from the session endpoint. */
  async refreshCsrf(): Promise<string> {
    const res = await this.request('GET', '/api/v1/session', { headers: { accept: 'application/json' } });
    this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    return this.csrfToken;
  }

  async signIn(username: string, password = TEST_PASSWORD, ip?: string): Promise<LightMyRequestResponse> {
    await this.refreshCsrf();
    const res = await this.post('/signin', { form: { username, password }, ip });
    if (res.statusCode === 303) await this.refreshCsrf();
    return res;
  }

  /** A multipart form post, as a browser sends a file input. */
  async upload(
    url: string,
    fields: Record<string, string>,
    file: { field: string; filename: string; content: Buffer; contentType?: string },
    o: { headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    if (!this.csrfToken && !this.bearer) await this.refreshCsrf();
    const boundary = `----gk${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const all = this.bearer ? fields : { _csrf: this.csrfToken, ...fields };
    for (const [k, v] of Object.entries(all))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const headers: Record<string, string> = {
      accept: 'text/html',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(o.headers ?? {}),
    };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method: 'POST', url, headers, payload: Buffer.concat(parts) });
    this.store(res);
    return res;
  }

  async api(method: string, url: string, json?: unknown): Promise<LightMyRequestResponse> {
    return this.request(method, url, {
      json: json ?? (['GET', 'DELETE'].includes(method) ? undefined : {}),
      headers: { accept: 'application/json' },
    });
  }
}
