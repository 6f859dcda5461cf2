import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './browser';
import { hasChromium, launch } from './browser';
import type { E2EServer } from './serve';
import { startE2EServer } from './serve';

/**
 * A whole match in real Chromium: two people (Valdoria and Drakmor) and two bots play the tutorial
 * through a treaty, a crisis and two rounds to the end; one player reloads mid-match and is back in
 * the seat. Screenshots go to tests/e2e/screenshots/ (ignored by git) for a person to look at.
 */

const SHOTS = path.resolve('tests', 'e2e', 'screenshots');
if (!hasChromium()) process.stderr.write('SKIP tests/e2e/match.test.ts: /usr/bin/chromium is absent (apt-get install -y chromium)\n');

interface Probe {
  round: number;
  phase: string;
  me: string | null;
  role: string | null;
  crises: number;
  orders: number;
  lastReport: number;
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const c = (globalThis as unknown as { entente?: { view: { round: number; phase: string; own: { state: string; orders: { force: unknown[] } } | null; crises: unknown[]; lastReport: unknown[] } | null; seat: { role: string } | null } }).entente;
    const v = c?.view;
    return {
      round: v?.round ?? -1, phase: v?.phase ?? '', me: v?.own?.state ?? null, role: c?.seat?.role ?? null,
      crises: v?.crises.length ?? 0, orders: v?.own?.orders.force.length ?? 0, lastReport: v?.lastReport.length ?? 0,
    };
  });
}

async function waitFor(page: Page, what: string, ok: (p: Probe) => boolean, timeout = 30_000): Promise<Probe> {
  const end = Date.now() + timeout;
  let last: Probe | null = null;
  while (Date.now() < end) {
    last = await probe(page);
    if (ok(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`Timed out waiting for ${what}; last seen ${JSON.stringify(last)}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/**
 * Everyone ready ends a phase early; a bot still thinking may hold it to its deadline. The host then
 * ends the phase from the Host menu, as a teacher would.
 */
async function endPhaseIfStuck(host: Page, done: (p: Probe) => boolean): Promise<void> {
  try {
    await waitFor(host, 'the phase to end by readiness', done, 8000);
  } catch {
    await host.locator('.host-menu summary').click();
    await host.getByRole('menuitem', { name: 'End this phase now' }).click();
    await waitFor(host, 'the phase to end', done);
  }
}

async function skipTour(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: 'Skip the tour' });
  await skip.waitFor({ timeout: 8000 }).then(() => skip.click(), () => undefined);
}

describe.skipIf(!hasChromium())('a whole match in the browser', () => {
  let srv: E2EServer;
  let ada: Browser;
  let bo: Browser;
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    srv = await startE2EServer();
    ada = await launch({ width: 1280, height: 720 });
    bo = await launch({ width: 1280, height: 720 });
    a = await ada.context.newPage();
    b = await bo.context.newPage();
    for (const [who, p] of [['ada', a], ['bo', b]] as const) {
      p.on('pageerror', (e) => process.stderr.write(`[${who} pageerror] ${e.message}\n`));
      if (process.env.E2E_DEBUG) {
        p.on('console', (m) => process.stderr.write(`[${who} console] ${m.text()}\n`));
        p.on('response', (r) => { if (!r.url().includes('/assets/')) process.stderr.write(`[${who}] ${r.status()} ${r.request().method()} ${r.url()}\n`); });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await ada?.close();
    await bo?.close();
    await srv?.close();
  });

  it('plays the tutorial through a treaty, a crisis and two rounds to the end', async () => {
    try {
      await playMatch();
    } catch (e) {
      // Leave the pages as they were for whoever reads the failure.
      await shot(a, 'failure-ada').catch(() => undefined);
      await shot(b, 'failure-bo').catch(() => undefined);
      throw e;
    }
  }, 240_000);

  async function playMatch(): Promise<void> {
    // --- Ada creates a public tutorial match of two rounds and takes Valdoria.
    await a.goto(srv.url);
    await a.getByLabel('Your name (shown to other players)').fill('Ada');
    const form = a.getByRole('form', { name: 'Create a match' });
    await form.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
    await form.getByLabel('You play', { exact: true }).selectOption('valdoria');
    await form.getByLabel('Briefing (s)').fill('0');
    await form.getByLabel('Rounds', { exact: true }).fill('2');
    await form.getByRole('button', { name: 'Create match' }).click();
    await a.getByRole('heading', { name: 'Waiting for players' }).waitFor();

    // --- Bo finds it in the live lobby and takes Drakmor.
    await b.goto(srv.url);
    await b.getByLabel('Your name (shown to other players)').fill('Bo');
    const card = b.locator('.match-card', { hasText: 'Tutorial: The Narrows' });
    await card.waitFor();
    await card.locator('.seat', { hasText: 'drakmor' }).getByRole('button', { name: 'Join' }).waitFor();
    await shot(b, 'lobby');
    await card.locator('.seat', { hasText: 'drakmor' }).getByRole('button', { name: 'Join' }).click();
    await waitFor(b, 'Bo in the Drakmor seat', (p) => p.me === 'drakmor');

    // --- Ada starts; bots fill Corvania and Lissen.
    await a.getByText('Bo ● online').waitFor();
    await a.getByRole('button', { name: 'Start the match' }).click();
    await waitFor(a, 'diplomacy', (p) => p.phase === 'diplomacy' && p.round === 1);
    // Ada walks the guided tour once; Bo skips it.
    const next = a.getByRole('button', { name: 'Next' });
    await next.waitFor();
    for (let i = 0; i < 7; i++) await next.click();
    await a.getByRole('button', { name: 'Start playing' }).click();
    await skipTour(b);

    // --- A treaty: Ada proposes trade with Drakmor, Bo accepts.
    await a.getByRole('button', { name: 'Propose a treaty…' }).click();
    await a.getByLabel('Kind of treaty').selectOption('trade');
    await a.getByText('What it obliges:').waitFor();
    await a.getByLabel('Other party').selectOption('drakmor');
    await a.getByRole('button', { name: 'Propose', exact: true }).click();
    const proposal = b.locator('.proposal', { hasText: 'Trade agreement: Valdoria, Drakmor' });
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await a.locator('.proposal', { hasText: 'Every party accepted' }).waitFor();
    await b.locator('#msg-input').fill('Trade is good for both of us.');
    await b.getByRole('button', { name: 'Send', exact: true }).click();
    await a.getByText('Trade is good for both of us.').waitFor();
    // Corvania's bot asks Valdoria for intelligence sharing: Ada accepts it too.
    const intel = a.locator('.proposal', { hasText: 'Intelligence sharing' });
    if (await intel.count()) await intel.getByRole('button', { name: 'Accept' }).click();
    await shot(a, 'board');
    await a.getByRole('button', { name: 'Ready', exact: true }).click();
    await b.getByRole('button', { name: 'Ready', exact: true }).click();
    await endPhaseIfStuck(a, (p) => p.phase === 'orders');

    // --- Orders. Ada raises defense and moves; an impossible order is explained before it is sent.
    await waitFor(a, 'orders', (p) => p.phase === 'orders');
    await a.getByRole('tab', { name: /Orders/ }).click();
    await a.locator('#b-defense').fill('30');
    await a.getByText('✓ Saved').first().waitFor();
    await a.evaluate(() => {
      const c = (globalThis as unknown as { entente: { clickRegion(r: string): void } }).entente;
      c.clickRegion('val-capital');
      c.clickRegion('dra-capital');
    });
    await a.getByText('is not next to').first().waitFor();
    // The board click left Valmont selected: its stack is open in the panel.
    const valmont = a.getByRole('button', { name: /^Valmont/ });
    if ((await valmont.getAttribute('aria-expanded')) !== 'true') await valmont.click();
    await a.locator('.options').getByRole('button', { name: 'Northmark' }).first().click();
    await a.getByRole('radio', { name: 'Move' }).click().catch(() => undefined);
    await a.locator('.units-input').fill('2');
    await a.getByRole('button', { name: /^Give order: Move 2 units from Valmont to Northmark/ }).click();
    await waitFor(a, 'the move saved', (p) => p.orders === 1);
    await shot(a, 'orders');

    // Bo attacks Corvan Hills from the Drak Marches: Valdoria is obliged by the Northern League.
    await b.getByRole('tab', { name: /Orders/ }).click();
    await b.getByRole('button', { name: /^Drak Marches/ }).click();
    await b.locator('.options li', { hasText: 'Attack' }).getByRole('button', { name: 'Corvan Hills' }).click();
    await b.getByRole('button', { name: /^Give order: Attack Corvan Hills from Drak Marches with 5 units/ }).click();
    await waitFor(b, 'the attack saved', (p) => p.orders === 1);
    await b.getByRole('button', { name: 'Ready: end my orders' }).click();
    await a.getByRole('button', { name: 'Ready: end my orders' }).click();
    await endPhaseIfStuck(a, (p) => p.phase === 'crisis');

    // --- The crisis: Ada honors with her eligible units.
    await waitFor(a, 'the crisis', (p) => p.phase === 'crisis');
    const crisis = a.getByRole('alertdialog', { name: /Crisis: Corvan Hills is attacked/ });
    await crisis.waitFor();
    await shot(a, 'crisis');
    await crisis.getByRole('button', { name: /^Honor with/ }).click();

    // --- Resolution, then round 2: the report plays on the board and reads as a list.
    await waitFor(a, 'round 2', (p) => p.round === 2 && p.lastReport > 0);
    await a.getByRole('tab', { name: /Report/ }).click();
    await a.getByRole('heading', { name: 'Round 1 report' }).waitFor();
    await a.getByText(/Battle for Corvan Hills/).waitFor();
    await a.getByText(/Valdoria honored its obligation/).waitFor();
    await a.waitForTimeout(1200);
    await shot(a, 'report');

    // --- Bo reloads mid-match and is back in the same seat with the same view.
    const before = await probe(b);
    await b.reload();
    const after = await waitFor(b, 'Bo back in the seat', (p) => p.me === 'drakmor' && p.round === before.round);
    expect(after).toMatchObject({ me: 'drakmor', role: 'seat', round: before.round, phase: before.phase, lastReport: before.lastReport });
    await skipTour(b);

    // --- Round 2 passes with everyone ready; the match ends with final scores.
    for (const p of [a, b]) await p.getByRole('button', { name: 'Ready', exact: true }).click();
    await endPhaseIfStuck(a, (p) => p.phase === 'orders' && p.round === 2);
    for (const p of [a, b]) await p.getByRole('button', { name: 'Ready: end my orders' }).click();
    await endPhaseIfStuck(a, (p) => p.phase !== 'orders');
    await waitFor(a, 'the end', (p) => p.phase === 'ended', 40_000);
    await a.getByRole('dialog', { name: /You won!|The match is over/ }).waitFor();
    await b.getByRole('dialog', { name: /You won!|The match is over/ }).waitFor();
    await a.getByRole('link', { name: 'Download the match record (JSON)' }).waitFor();
    await shot(a, 'end');
  }
});
