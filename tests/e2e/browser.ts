import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium driven by playwright-core (ARCHITECTURE.md). */
export const CHROMIUM = '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent profile (its own localStorage) in a temp dir, headless. */
export async function launch(viewport = { width: 1280, height: 720 }, options: { touch?: boolean } = {}): Promise<Browser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    hasTouch: options.touch ?? false,
    isMobile: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // tsx wraps functions with __name; pages evaluating such functions need it defined.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
