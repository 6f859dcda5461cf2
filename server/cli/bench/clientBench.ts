import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../app';
import { loadConfig } from '../../config';
import type { BenchModule } from './harness';
import { figure, heading, note } from './harness';

/**
 * The client's weight and speed: gzipped JavaScript of the first page load and of the board, and
 * the time from navigation to the board taking input in Chromium on loopback (the page marks
 * `entente:board-interactive` when the board scene has drawn its first view).
 */

const CHROMIUM = '/usr/bin/chromium';
const KB = 1024;

function build(out: string): void {
  const vite = path.resolve('node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.error?.message})`);
}

function gz(dir: string, rel: string): number {
  return gzipSync(readFileSync(path.join(dir, rel.replace(/^\//, '')))).length;
}

/** Scripts the page loads before any code runs: the entry module and its modulepreloads. */
function initialScripts(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) out.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) out.add(m[1]!);
  return [...out];
}

/** Chunks the board needs on top: the scene and Phaser, loaded when a match opens. */
function boardScripts(dir: string): string[] {
  return readdirSync(path.join(dir, 'assets')).filter((f) => /^(phaser|createBoard)-.*\.js$/.test(f)).map((f) => `assets/${f}`);
}

async function run(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'entente-bench-dist-'));
  const data = mkdtempSync(path.join(tmpdir(), 'entente-bench-db-'));
  try {
    build(dist);
    heading('JavaScript, gzipped');
    const initial = initialScripts(dist).reduce((a, f) => a + gz(dist, f), 0);
    const board = boardScripts(dist).reduce((a, f) => a + gz(dist, f), 0);
    figure('initial JavaScript (first load)', initial / KB, 450, 'KB');
    note('board chunks (Phaser + scene)', `${(board / KB).toFixed(1)} KB, loaded when a match opens`);
    figure('all JavaScript to an interactive board', (initial + board) / KB, 450, 'KB');

    if (!existsSync(CHROMIUM)) {
      note('board interactive', `skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
      return;
    }
    const { chromium } = await import('playwright-core');
    const server = await startServer(loadConfig({
      PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite://${path.join(data, 'bench.sqlite')}`, LOG_LEVEL: 'silent',
      STATIC_DIR: dist, SCENARIOS_DIR: path.resolve('assets', 'scenarios'),
    }));
    const profile = mkdtempSync(path.join(tmpdir(), 'entente-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 720 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const res = await fetch(`${server.url}/api/matches`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: 'standard', visibility: 'public', settings: {} }),
      });
      const { matchId } = (await res.json()) as { matchId: string };
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const page = await context.newPage();
        // Each load is a cold start of the page (a new document); the HTTP cache stays warm after the first.
        await page.goto(`${server.url}/#/m/${matchId}?watch=1`);
        await page.waitForFunction(() => performance.getEntriesByName('entente:board-interactive').length > 0, null, { timeout: 20_000 });
        times.push(await page.evaluate(() => performance.getEntriesByName('entente:board-interactive')[0]!.startTime));
        await page.close();
      }
      heading('Board interactive after navigation (standard scenario, spectator, 1280×720)');
      figure('first load (cold cache)', times[0]!, 2000);
      const warm = times.slice(1).sort((a, b) => a - b);
      figure('reload (median, warm cache)', warm[Math.floor(warm.length / 2)]!, 2000);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

export const clientBench: BenchModule = {
  name: 'client',
  description: 'gzipped JavaScript and time from navigation to an interactive board in Chromium',
  run,
};
