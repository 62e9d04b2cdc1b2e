/**
 * `npm run bench -- <name> [options]` runs bench/<name>.ts. Each benchmark module exports
 * `run(args): Promise<boolean>` (true when its targets are met); adding one is one entry below.
 */

interface BenchmarkModule {
  run: (args: string[]) => Promise<boolean>;
}

const benchmarks: Record<string, { description: string; load: () => Promise<BenchmarkModule> }> = {
  api: {
    description:
      'REST throughput and p99 (GET/POST contacts, GET at a fixed rate) against a Fastify hello-world',
    load: () => import('./api'),
  },
  contacts: {
    description:
      'contact creates through the domain (group commit, event, audit, sealing; no HTTP) against raw multi-row INSERTs',
    load: () => import('./contacts'),
  },
  webhooks: {
    description:
      'webhook deliveries/s (outbox → fan-out → signed POST) against raw undici POSTs to the same receiver',
    load: () => import('./webhooks'),
  },
  documents: {
    description:
      'PDFs/s and XRechnung XMLs/s the worker renders for 1,000 finalized invoices against raw PDFKit / xmlbuilder2',
    load: () => import('./documents'),
  },
  billing: {
    description:
      'one billing run over 100,000 monthly contracts through the worker against raw multi-row INSERTs',
    load: () => import('./billing'),
  },
  reconciliation: {
    description:
      'reconciling 100,000 statement lines against 1,000,000 open invoices against one UPDATE … FROM staging',
    load: () => import('./reconciliation'),
  },
  reports: {
    description:
      'the MRR report over 100,000 contracts and 24 months, warm, against a SELECT sum(…) over the contract rows',
    load: () => import('./reports'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(benchmarks).map((name) => name.length));
  return [
    'usage: npm run bench -- <name> [options]   (options: npm run bench -- <name> --help)',
    '       add --check to exit with 1 when a target is missed',
    '',
    'benchmarks:',
    ...Object.entries(benchmarks).map(([name, b]) => `  ${name.padEnd(width)}  ${b.description}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const benchmark = Object.hasOwn(benchmarks, name) ? benchmarks[name] : undefined;
  if (!benchmark) {
    console.error(`unknown benchmark '${name}'\n\n${usage()}`);
    return 2;
  }
  const check = rest.includes('--check');
  const passed = await (await benchmark.load()).run(rest.filter((arg) => arg !== '--check'));
  return check && !passed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  // exit explicitly: a benchmark that leaves a socket or timer behind must not hang the command
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
