import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const helpDir = fileURLToPath(new URL('./assets/help', import.meta.url));

/**
 * The client build (ARCHITECTURE.md): Vite roots at client/, writes dist/ for the server to serve,
 * and keeps Phaser in a chunk of its own so the lobby never waits for the board engine.
 * Only assets/help is published (as /help/…): scenario files hold secret objectives, and the client
 * gets scenarios from /api/scenarios/:id with those removed.
 */
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [
    {
      name: 'entente-help',
      // The rules document is fetched at run time from /help/rules.md.
      writeBundle(options) {
        if (options.dir) cpSync(helpDir, `${options.dir}/help`, { recursive: true });
      },
    },
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is ~350 KB gzipped; the warning would only repeat what the bench measures.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ },
            { name: 'charts', test: /[\\/]node_modules[\\/]chart\.js[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `vite` in development talks to a server started with `npm start` on its default port.
    proxy: {
      '/api': 'http://127.0.0.1:2567',
      '/matchmake': 'http://127.0.0.1:2567',
    },
  },
});
