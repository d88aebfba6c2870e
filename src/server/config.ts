import { type DbTarget, parseDatabaseUrl, redact } from '../db/connect.ts';

/**
 * Configuration is read from the environment once, at start, and validated: a bad value stops
 * the process with a readable message (ConfigError) instead of failing later.
 */
export interface Config {
  port: number;
  host: string;
  database: DbTarget;
  demo: boolean;
  tenantCode: string | null;
  logLevel: string;
  uploadLimitBytes: number;
  secureCookies: boolean;
  /** Trust X-Forwarded-For (only behind a proxy that sets it): client IPs drive sign-in limits. */
  trustProxy: boolean;
  publicUrl: string | null;
  /** GONGKAI_SMTP_URL, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS); null = no email. */
  smtpUrl: string | null;
  /** GONGKAI_MAIL_FROM: the From header of notification emails. */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (configuration error):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const TRUE = ['1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  problems.push(`${name} must be one of on/off, true/false, 1/0, yes/no (got "${raw}")`);
  return fallback;
}

function parseIntIn(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  const n = Number(raw.trim());
  if (n < min || n > max) problems.push(`${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const port = parseIntIn('PORT', env.PORT, 3000, 0, 65535, problems);
  const db = parseDatabaseUrl(env.DATABASE_URL);
  if ('error' in db) problems.push(db.error);
  const database: DbTarget = 'error' in db ? { dialect: 'sqlite', location: '' } : db;
  // Demo data is on by default for the embedded quick start and off for PostgreSQL deployments.
  const demo = parseBool('GONGKAI_DEMO', env.GONGKAI_DEMO, database.dialect === 'sqlite', problems);
  const uploadMb = parseIntIn('GONGKAI_UPLOAD_LIMIT_MB', env.GONGKAI_UPLOAD_LIMIT_MB, 20, 1, 1024, problems);
  const logLevel = (env.GONGKAI_LOG_LEVEL ?? 'info').trim();
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    problems.push(
      `GONGKAI_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  const tenantCode = env.GONGKAI_TENANT?.trim() || null;
  if (tenantCode && !/^[a-z0-9-]{2,40}$/.test(tenantCode))
    problems.push(`GONGKAI_TENANT must be a tenant code such as "qingshan" (got "${tenantCode}")`);
  const publicUrl = env.GONGKAI_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl))
    problems.push(`GONGKAI_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const secureCookies = parseBool(
    'GONGKAI_SECURE_COOKIES',
    env.GONGKAI_SECURE_COOKIES,
    !!publicUrl?.startsWith('https:'),
    problems,
  );
  const host = env.HOST?.trim() || '0.0.0.0';
  const trustProxy = parseBool('GONGKAI_TRUST_PROXY', env.GONGKAI_TRUST_PROXY, false, problems);
  const smtpUrl = parseSmtpUrl(env.GONGKAI_SMTP_URL, problems);
  const mailFrom = env.GONGKAI_MAIL_FROM?.trim() || 'Gongkai <noreply@localhost>';
  if (!/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom))
    problems.push(
      `GONGKAI_MAIL_FROM must be an address such as "公开平台 <noreply@example.gov.cn>" (got "${mailFrom}")`,
    );
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    database,
    demo,
    tenantCode,
    logLevel,
    uploadLimitBytes: uploadMb * 1024 * 1024,
    secureCookies,
    trustProxy,
    publicUrl,
    smtpUrl,
    mailFrom,
  };
}

function parseSmtpUrl(raw: string | undefined, problems: string[]): string | null {
  const v = raw?.trim();
  if (!v) return null;
  let u: URL | null = null;
  try {
    u = new URL(v);
  } catch {
    // reported below
  }
  if (!u || !['smtp:', 'smtps:'].includes(u.protocol) || !u.hostname) {
    problems.push(
      `GONGKAI_SMTP_URL must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465 (got "${redact(v)}")`,
    );
    return null;
  }
  return v;
}
