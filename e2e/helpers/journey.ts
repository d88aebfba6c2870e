import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords.ts';

/** Small steps every browser journey takes, written once. */

export const visible = (l: Locator) => l.waitFor({ state: 'visible' });

/** An element's text with runs of white space folded to one space. */
export const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Signs in a demo account on the sign-in page (any earlier session is dropped first). */
export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/admin$/);
}

/** Picks the option of a select whose visible text contains `part` (tree selects indent names). */
export async function choose(select: Locator, part: string) {
  const value = await select.locator('option').filter({ hasText: part }).first().getAttribute('value');
  assert.ok(value, `an option containing ${part}`);
  await select.selectOption(value);
}
