/**
 * `npm run fixture-server`: the fixture server as a standalone process, seeded with demo accounts.
 * Usage: tsx e2e/server/main.ts [--port N] [--host H]   (PORT env also works; default 8787)
 */
import { seedDemo } from './demo';
import { startFixtureServer } from './fixture-server';

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = args[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

async function main(): Promise<void> {
  const port = Number(argValue('port') ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${String(port)}`);
  const server = await startFixtureServer({
    port,
    host: argValue('host') ?? '127.0.0.1',
    // Method, path and status only: headers (and so the hibp-api-key) are never printed.
    onResponse: (r) => console.log(`${r.method} ${r.path} ${r.status}`),
  });
  const demo = seedDemo(server);
  console.log(`Fixture breach API on ${server.url} (HIBP base ${server.url}/api/v3); demo addresses: ${demo.join(', ')}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
