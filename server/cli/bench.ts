// npm run bench [-- --only NAME[,NAME…]] [--list]: runs the benchmark modules and prints their figures against targets.
// Benchmarks report, they do not assert: a MISS is printed, and the exit code stays 0 unless a module crashes.
import { botBench } from './bench/botBench';
import { clientBench } from './bench/clientBench';
import { engineBench } from './bench/engineBench';
import type { BenchModule } from './bench/harness';
import { serverBench } from './bench/serverBench';

/** Every benchmark, in the order they run. Add a module here (server latency, client size, bots per second…). */
const MODULES: BenchModule[] = [engineBench, botBench, clientBench, serverBench];

function usage(): string {
  return [
    'usage: npm run bench [-- --only NAME[,NAME...]] [--list]',
    '',
    'modules:',
    ...MODULES.map((m) => `  ${m.name.padEnd(12)} ${m.description}`),
  ].join('\n');
}

/** The modules named by `--only` (repeatable, or comma-separated), or all of them. */
function select(argv: string[]): BenchModule[] | string {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only') {
      const v = argv[++i];
      if (!v) return '--only needs a module name';
      names.push(...v.split(',').filter(Boolean));
    } else if (a.startsWith('--only=')) {
      names.push(...a.slice('--only='.length).split(',').filter(Boolean));
    } else {
      return `unknown argument "${a}"`;
    }
  }
  if (names.length === 0) return MODULES;
  const unknown = names.filter((n) => !MODULES.some((m) => m.name === n));
  if (unknown.length) return `no benchmark module named ${unknown.map((n) => `"${n}"`).join(', ')}`;
  return MODULES.filter((m) => names.includes(m.name));
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv.includes('--list')) {
    console.log(usage());
    return 0;
  }
  const chosen = select(argv);
  if (typeof chosen === 'string') {
    console.error(`${chosen}\n\n${usage()}`);
    return 2;
  }
  console.log(`Entente benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  let failed = 0;
  for (const m of chosen) {
    console.log(`\n== ${m.name}: ${m.description}`);
    const t0 = performance.now();
    try {
      await m.run();
    } catch (e) {
      failed++;
      console.error(`  ${m.name} crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    console.log(`  (${m.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
