import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Browser-test harness: Debian's chromium driven by playwright-core (never a downloaded browser),
 * one fresh context per test, axe-core for accessibility, screenshots under /tmp/gongkai-e2e.
 */

export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = '/tmp/gongkai-e2e';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** What went wrong inside the page (script errors, console errors, CSP refusals), per page. */
const problems = new WeakMap<Page, string[]>();

/**
 * A page in a fresh context (no cookies shared between tests), sized like an office desktop and
 * speaking zh-CN. The context closes with the page: `await page.context().close()`.
 * The app's CSP stays enforced, so a CSP violation shows up in pageProblems().
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (err) => seen.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A page answered with 4xx (a form re-rendered with errors is 422) logs "Failed to load
    // resource"; sub-resources are checked below, so that line says nothing new.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      seen.push(`console.error on ${page.url()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    const req = res.request();
    if (res.status() >= 400 && !req.isNavigationRequest())
      seen.push(`${res.status()} for ${req.resourceType()} ${res.url()} on ${page.url()}`);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // A sub-resource still loading when the test clicks on to the next page is cancelled by the
    // browser (net::ERR_ABORTED): the navigation's doing, not a fault of the server.
    if (error === 'net::ERR_ABORTED') return;
    seen.push(`request failed: ${req.url()} (${error})`);
  });
  return page;
}

/** Script errors, console errors and failed sub-resources (CSS, scripts) seen by the page so far. */
export function pageProblems(page: Page): string[] {
  return [...(problems.get(page) ?? [])];
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
export interface A11yResult {
  /** Violations of impact serious or critical (the ones a test fails on). */
  violations: AxeViolation[];
  /** Minor and moderate ones, for the report. */
  minor: AxeViolation[];
  /** A readable summary of `violations`; '' when there are none. */
  summary: string;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current document. axe is injected with
 * page.evaluate — it goes through the DevTools protocol, so the app's CSP (script-src 'self')
 * need not be bypassed, as an inline <script> from page.addScriptTag would require.
 */
export async function checkA11y(page: Page, label: string): Promise<A11yResult> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const all = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return result.violations;
  })) as AxeViolation[];
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = all.filter((v) => !serious.includes(v));
  return { violations: serious, minor, summary: summarize(label, page.url(), serious) };
}

function summarize(label: string, url: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return '';
  const lines = [`${label} (${url}): ${violations.length} serious/critical accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}`);
      if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n\s*/g, ' | ')}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/** Saves a full-page screenshot to /tmp/gongkai-e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs a test body; when it fails, saves a screenshot `<name>-failure.png` of where the page
 * stood and adds its path to the error, then rethrows.
 */
export async function screenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const path = await saveScreenshot(page, `${name}-failure`).catch(() => null);
    if (path && err instanceof Error) err.message += `\n(screenshot of the page at failure: ${path})`;
    throw err;
  }
}
