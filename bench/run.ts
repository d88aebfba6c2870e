/**
 * `npm run bench -- <name> [args…]`: runs one benchmark script of bench/ and prints its figures.
 * Benchmarks are scripts, not timed tests (ARCHITECTURE rule 10).
 */
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  obligations: () => import('./obligations.ts'),
  portal: () => import('./portal.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [args]`);
  process.exit(2);
}
await (await load()).run(args);
