// Bundles the command line (already compiled by tsc into dist/src) into dist/cli, so
// `inroads` loads a few files instead of hundreds and starts quickly. Only our own
// code and the small pure libraries every command needs go into the bundle; the web
// server's libraries (loaded only by `serve`) and native drivers are left to Node.
import { defineConfig } from 'rolldown';

const BUNDLED = ['kysely', 'zod', 'commander', 'fflate', 'ical-generator'];
const isBundled = (id) => BUNDLED.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  input: 'dist/src/cli/main.js',
  platform: 'node',
  external: (id) => /^[a-z@]/.test(id) && !id.startsWith('node:') && !isBundled(id),
  logLevel: 'warn',
  output: { dir: 'dist/cli', format: 'esm', cleanDir: true },
});
