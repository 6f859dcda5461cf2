import { defineConfig } from 'vite';

/**
 * The client build (ARCHITECTURE.md): Vite roots at client/, writes dist/ for the server to serve,
 * and keeps Phaser in a chunk of its own so the lobby never waits for the board engine.
 * assets/ is the public folder: /help/rules.md and /scenarios/*.json are served as they are.
 */
export default defineConfig({
  root: 'client',
  publicDir: '../assets',
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
