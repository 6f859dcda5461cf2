import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser as PwBrowser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayExport, stateHash } from '../../shared/index';
import { CHROMIUM, hasChromium } from './browser';
import type { E2EServer } from './serve';
import { startE2EServer } from './serve';

/**
 * A class exercise in real Chromium (GAME.md §7, §9): a facilitator creates it; three students join
 * by code (two of them one team on one seat); the facilitator seats them with roles, starts, pauses,
 * injects an event, replaces a student's seat by a bot, plays two rounds and ends the match; every
 * debrief chart renders; CSV and JSON download; the JSON replays to the same final state in
 * `npm run replay` and in the debrief page, and a tampered copy is refused. Screenshots go to
 * tests/e2e/screenshots/classroom-*.png for a person to look at.
 */

const SHOTS = path.resolve('tests', 'e2e', 'screenshots');
if (!hasChromium()) process.stderr.write('SKIP tests/e2e/classroom.test.ts: /usr/bin/chromium is absent (apt-get install -y chromium)\n');

interface Probe {
  round: number;
  phase: string;
  me: string | null;
  paused: boolean;
  report: string[];
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const c = (globalThis as unknown as { entente?: { view: { round: number; phase: string; paused: boolean; own: { state: string } | null; report: { kind: string; text?: string }[] } | null } }).entente;
    const v = c?.view;
    return { round: v?.round ?? -1, phase: v?.phase ?? '', me: v?.own?.state ?? null, paused: v?.paused ?? false, report: (v?.report ?? []).map((e) => e.text ?? e.kind) };
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `classroom-${name}.png`) });
}

/** The whole page, not just the window: the app scrolls inside its own container, so let it grow for the picture. */
async function fullShot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: 'html, body, #app, .fac-page, .debrief-page { height: auto !important; overflow: visible !important; }' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `classroom-${name}.png`), fullPage: true });
  await style.evaluate((el) => (el as HTMLElement).remove());
  await page.waitForTimeout(300);
}

async function skipTour(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: 'Skip the tour' });
  await skip.waitFor({ timeout: 6000 }).then(() => skip.click(), () => undefined);
}

describe.skipIf(!hasChromium())('a class exercise in the browser', () => {
  let srv: E2EServer;
  let browser: PwBrowser;
  const contexts: BrowserContext[] = [];
  let fac: Page;
  const students: Record<'ada' | 'bo' | 'cy', Page> = {} as Record<'ada' | 'bo' | 'cy', Page>;
  const downloads = mkdtempSync(path.join(tmpdir(), 'entente-downloads-'));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    srv = await startE2EServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const open = async (who: string, viewport: { width: number; height: number }): Promise<Page> => {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      contexts.push(context);
      const p = await context.newPage();
      p.on('pageerror', (e) => process.stderr.write(`[${who} pageerror] ${e.message}\n`));
      p.on('dialog', (d) => void d.accept());
      if (process.env.E2E_DEBUG) p.on('console', (m) => process.stderr.write(`[${who} console] ${m.text()}\n`));
      return p;
    };
    fac = await open('facilitator', { width: 1440, height: 900 });
    students.ada = await open('ada', { width: 1280, height: 720 });
    students.bo = await open('bo', { width: 1280, height: 720 });
    students.cy = await open('cy', { width: 1280, height: 720 });
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await srv?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('runs an exercise from creation to the debrief and its exports', async () => {
    try {
      await exercise();
    } catch (e) {
      await shot(fac, 'failure-facilitator').catch(() => undefined);
      for (const [n, p] of Object.entries(students)) await shot(p, `failure-${n}`).catch(() => undefined);
      throw e;
    }
  }, 400_000);

  async function dashPhase(): Promise<{ phase: string; round: number }> {
    const text = (await fac.locator('.fac-phase').innerText()).replace(/\s+/g, ' ');
    const round = Number(/Round (\d+)/.exec(text)?.[1] ?? '0');
    return { phase: text, round };
  }

  async function exercise(): Promise<void> {
    // --- The facilitator creates the exercise: a live lesson, sees everything, only heads and defense ministers give orders.
    await fac.goto(`${srv.url}/#/class`);
    const form = fac.getByRole('form', { name: 'Create a class exercise' });
    await form.getByLabel('Title (shown to the class)').fill('Period 3: The Narrows');
    await form.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
    await form.getByLabel('Pace').selectOption('custom');
    await form.getByLabel('Briefing (seconds)').fill('0');
    for (const p of ['Diplomacy', 'Orders', 'Crisis']) await form.getByLabel(`${p} (seconds)`).fill('900');
    await form.getByLabel('Rounds').fill('3');
    await form.getByLabel(/Only some roles give orders/).check();
    await shot(fac, 'create');
    await form.getByRole('button', { name: 'Create the exercise' }).click();
    const codeBox = fac.getByTestId('join-code');
    await codeBox.waitFor();
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const matchId = /#\/facilitate\/([^/]+)\//.exec(fac.url())![1]!;

    // --- Three students join by code and wait; they are told the facilitator sees everything.
    for (const [name, page] of [['Ada', students.ada], ['Bo', students.bo], ['Cy', students.cy]] as const) {
      await page.goto(`${srv.url}/#/join/${code.toLowerCase()}`);
      const join = page.getByRole('form', { name: 'Join the class exercise' });
      await join.getByText('Your facilitator sees everything in this exercise').waitFor();
      await join.getByLabel('Your name (your class sees it)').fill(name);
      await join.getByRole('button', { name: 'Join the class' }).click();
      await page.getByText('Waiting for your seat…').waitFor();
    }
    await shot(students.ada, 'student-waiting');

    // --- Seating: Ada (head) and Bo (diplomat) are one team at Valdoria; Cy leads Drakmor.
    const seatStudent = async (name: string, state: string, role: string) => {
      const row = fac.locator('.waiting-student', { hasText: name });
      await row.waitFor();
      await row.getByLabel(`State for ${name}`).selectOption(state);
      await row.getByLabel(`Role for ${name}`).selectOption(role);
      await row.getByRole('button', { name: 'Seat' }).click();
      await fac.locator(`.team[data-state="${state}"] .member`, { hasText: name }).waitFor();
    };
    await seatStudent('Ada', 'valdoria', 'head');
    await seatStudent('Bo', 'valdoria', 'diplomat');
    await seatStudent('Cy', 'drakmor', 'head');
    for (const [page, state] of [[students.ada, 'valdoria'], [students.bo, 'valdoria'], [students.cy, 'drakmor']] as const) {
      await until(`a student seated at ${state}`, async () => (await probe(page)).me === state);
    }
    await until('every student shown online', async () => (await fac.locator('.team .member .dot.on').count()) === 3);
    await fullShot(fac, 'seating');

    // --- Start: bots take Corvania and Lissen.
    await fac.getByRole('button', { name: '▶ Start the match' }).click();
    for (const p of Object.values(students)) {
      await until('diplomacy', async () => (await probe(p)).phase === 'diplomacy');
      await skipTour(p);
    }
    await fac.locator('.team[data-state="corvania"]', { hasText: 'bot plays' }).waitFor();
    // Bo, a diplomat, talks; his role gives no orders (the banner says so, and the server refuses them).
    await students.bo.getByText(/Diplomat — your role does not give orders/).waitFor();
    await students.bo.locator('#msg-input').fill('Valdoria stands with its allies.');
    await students.bo.getByRole('button', { name: 'Send', exact: true }).click();
    await students.ada.getByText('Valdoria stands with its allies.').waitFor();
    const refused = await students.bo.evaluate(async () => {
      const c = (globalThis as unknown as { entente: { send(c: unknown): { seq: number } | null; commands: { seq: number; status: string; code?: string | null }[] } }).entente;
      const t = c.send({ type: 'setBudget', budget: { defense: 50, domestic: 30, investment: 20 } })!;
      for (let i = 0; i < 50; i++) {
        const s = c.commands.find((x) => x.seq === t.seq);
        if (s && s.status !== 'pending') return s.code ?? s.status;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'timeout';
    });
    expect(refused).toBe('auth/role');

    // --- Pause and resume: the timers freeze for everyone.
    await fac.getByRole('button', { name: 'Pause', exact: false }).click();
    await until('the students to see the pause', async () => (await probe(students.ada)).paused);
    await students.ada.getByText('Diplomacy (paused)').waitFor();
    await shot(students.ada, 'student-paused');
    await fac.getByRole('button', { name: '▶ Resume' }).click();
    await until('the resume', async () => !(await probe(students.ada)).paused);

    // --- A custom crisis, injected with its text, reaches every student.
    await fac.getByLabel('Event card').selectOption('custom');
    await fac.getByLabel('Event text').fill('A storm closes the Narrows: trade ships stay in port.');
    await fac.getByRole('button', { name: 'Inject the event' }).click();
    for (const p of Object.values(students)) await until('the injected event', async () => (await probe(p)).report.some((t) => t.includes('A storm closes the Narrows')));
    await fac.getByLabel('Broadcast text').fill('Ten minutes for diplomacy.');
    await fac.getByRole('button', { name: 'Send to everyone' }).click();
    await students.cy.getByText('Ten minutes for diplomacy.').first().waitFor();

    // --- Cy must leave: a bot takes Drakmor; Cy's page shows the seat is played by a bot.
    await fac.locator('.team[data-state="drakmor"]').getByRole('button', { name: 'Replace by a bot' }).click();
    await fac.locator('.team[data-state="drakmor"]', { hasText: 'bot plays' }).waitFor();
    await fac.getByText('Drakmor is played by a bot').waitFor();
    // Cy comes back for a moment: the seat is handed back, then given to the bot again.
    await fac.locator('.team[data-state="drakmor"]').getByRole('button', { name: 'Hand back to the team' }).click();
    await fac.locator('.team[data-state="drakmor"]', { hasText: 'team plays' }).waitFor();
    await fac.locator('.team[data-state="drakmor"]').getByRole('button', { name: 'Replace by a bot' }).click();
    await fac.locator('.team[data-state="drakmor"]', { hasText: 'bot plays' }).waitFor();
    await fullShot(fac, 'dashboard');

    // --- Round 1 orders: Ada, the head of government, raises defense.
    await fac.getByRole('button', { name: 'End this phase' }).click();
    await until('orders', async () => (await probe(students.ada)).phase === 'orders');
    await students.ada.getByRole('tab', { name: /Orders/ }).click();
    await students.ada.locator('#b-defense').fill('30');
    await students.ada.getByText('✓ Saved').first().waitFor();
    await shot(students.ada, 'student-orders');

    // --- The facilitator runs the clock through two resolutions, then ends the match in round 3.
    for (const round of [2, 3]) {
      await until(`round ${round}`, async () => {
        if ((await dashPhase()).round >= round) return true;
        const end = fac.getByRole('button', { name: 'End this phase' });
        if (await end.isEnabled()) await end.click();
        await new Promise((r) => setTimeout(r, 1600));
        return false;
      }, 60_000);
    }
    await fac.getByRole('button', { name: 'End the match' }).click();
    await until('the end', async () => (await probe(students.ada)).phase === 'ended');
    await students.ada.getByRole('dialog', { name: /You won!|The match is over/ }).waitFor();
    await shot(students.ada, 'student-end');
    const live = srv.server.matches.get(matchId)!.live.state;
    expect(live.phase).toBe('ended');
    expect(live.history.length).toBeGreaterThanOrEqual(2);

    // --- The debrief, from the end screen: every chart renders.
    const d = students.ada;
    await d.getByRole('link', { name: /Open the debrief/ }).click();
    await d.getByRole('heading', { name: /^Debrief: / }).waitFor({ timeout: 30_000 });
    const charts = ['chart-defense', 'chart-credibility', 'chart-output', 'chart-cohesion', 'chart-deterrence'];
    for (const id of charts) {
      const canvas = d.locator(`#${id} canvas`);
      if (id === 'chart-cohesion' && (await canvas.count()) === 0) continue; // no pact in force: said in words
      await until(`${id} drawn`, async () => (await canvas.getAttribute('data-ready')) === 'true');
      const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
        return n;
      });
      expect(inked, `${id} has pixels`).toBeGreaterThan(2000);
    }
    await d.getByRole('heading', { name: 'The alliance network' }).waitFor();
    expect(await d.locator('.network svg circle').count()).toBe(4);
    await d.getByRole('heading', { name: 'Key moments' }).waitFor();
    await d.locator('.tl-item.kind-event', { hasText: 'A storm closes the Narrows' }).waitFor();
    await d.locator('.tl-item.kind-broadcast', { hasText: 'Ten minutes for diplomacy.' }).waitFor();
    await d.locator('.tl-item.kind-match-ended').waitFor();
    await d.getByRole('heading', { name: 'Final scores' }).waitFor();
    await d.getByRole('heading', { name: 'Step-by-step replay' }).waitFor();
    await until('the replay board', async () => (await d.locator('.replay .board canvas').count()) > 0);
    await d.setViewportSize({ width: 1440, height: 900 });
    await shot(d, 'debrief-top');
    await d.locator('#d-charts').scrollIntoViewIfNeeded();
    await shot(d, 'debrief-charts');
    await d.locator('#d-network').scrollIntoViewIfNeeded();
    await d.getByLabel('Round of the alliance network').fill('0');
    await shot(d, 'debrief-network');
    await d.locator('#d-replay').scrollIntoViewIfNeeded();
    await d.getByRole('button', { name: 'First step' }).click();
    await d.getByRole('button', { name: 'Next step' }).click();
    await d.getByRole('button', { name: 'Next step' }).click();
    await d.locator('.replay-where', { hasText: /Round 1/ }).waitFor();
    await d.waitForTimeout(800);
    await shot(d, 'debrief-replay');
    await fullShot(d, 'debrief-full');
    await d.emulateMedia({ media: 'print' });
    await fullShot(d, 'debrief-print');
    await d.emulateMedia({ media: 'screen' });

    // --- Exports: CSV and JSON download; the JSON replays to the same final state.
    const save = async (button: string, file: string): Promise<string> => {
      const [dl] = await Promise.all([d.waitForEvent('download'), d.getByRole('button', { name: button }).click()]);
      const to = path.join(downloads, file);
      await dl.saveAs(to);
      return to;
    };
    const csvFile = await save('Download CSV', 'match.csv');
    const csv = readFileSync(csvFile, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('round,state,name,role,output,credibility,public_support,technology,defense_pct,domestic_pct,investment_pct,guideline_pct,units,regions,score,pacts,pact_cohesion,attacked_regions,mean_deterrence_attacked,regions_lost');
    expect(csv.length - 1).toBe(live.history.length * 4);
    expect(csv.some((l) => l.startsWith('1,valdoria,Valdoria,status-quo,') && l.split(',')[8] === '30')).toBe(true);
    const jsonFile = await save('Download JSON', 'match.json');
    const replayed = replayExport(JSON.parse(readFileSync(jsonFile, 'utf8')));
    expect(replayed.ok ? [] : replayed.errors).toEqual([]);
    expect(replayed.ok && stateHash(replayed.state)).toBe(stateHash(live));
    const cli = spawnSync(path.resolve('node_modules', '.bin', 'tsx'), ['server/cli/replay.ts', jsonFile], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`final state hash ${stateHash(live)} (matches the export)`);

    // --- The debrief page loads a saved record; a tampered one is refused with what is wrong.
    await d.goto(`${srv.url}/#/debrief`);
    await d.getByLabel('Match record file (JSON)').setInputFiles(jsonFile);
    await d.getByRole('heading', { name: /^Debrief: / }).waitFor();
    await d.getByText(/commands replayed/).waitFor();
    const tampered = JSON.parse(readFileSync(jsonFile, 'utf8')) as { commands: { envelope: { command: { budget?: { defense: number; domestic: number } } } }[] };
    const budget = tampered.commands.find((c) => c.envelope.command.budget)!.envelope.command.budget!;
    budget.defense += 5;
    budget.domestic -= 5;
    const bad = path.join(downloads, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    await d.getByLabel('Match record file (JSON)').setInputFiles(bad);
    await d.getByRole('heading', { name: 'This match record is refused' }).waitFor();
    await d.getByText(/finalHash: the replayed match ends in state/).waitFor();
    await shot(d, 'debrief-refused');
    const cliBad = spawnSync(path.resolve('node_modules', '.bin', 'tsx'), ['server/cli/replay.ts', bad], { encoding: 'utf8' });
    expect(cliBad.status).toBe(1);
    expect(cliBad.stderr).toContain('is refused');
  }
});
