// Starts the real Vigor server binary for browser tests, on a free port with a fresh data
// directory, and stops it again. The binary comes from VIGOR_BIN, else ../build/release/vigor.
// With VIGOR_E2E_LOG_DIR set, each server's log is kept there (named after the test file and the
// port), for reading after the run.
//
// The journeys run on SQLite (under the data directory) unless VIGOR_E2E_POSTGRES_URL names a
// PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:PORT/postgres, that holds a migrated
// database "vigor_template" (tests/support/pg_fixture makes one): then every server gets a fresh
// copy of that template as its own database, dropped when the server stops.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The web/ folder. */
export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const READY_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;

/** The PostgreSQL server the journeys run on, or '' for SQLite. */
const postgresServerUrl = process.env.VIGOR_E2E_POSTGRES_URL ?? '';

/** Which database the journeys run on: 'postgresql' or 'sqlite'. */
export const backend = postgresServerUrl ? 'postgresql' : 'sqlite';

/** Runs one SQL command on the PostgreSQL server's maintenance database. */
async function postgresAdmin(sql) {
  try {
    await promisify(execFile)('psql', [postgresServerUrl, '-qAt', '-v', 'ON_ERROR_STOP=1', '-c', sql], { timeout: 30_000 });
  } catch (error) {
    throw new Error(`psql ${sql}: ${error instanceof Error && 'stderr' in error ? error.stderr : error}`);
  }
}

/**
 * The environment for the vigor processes: which database they use is decided here (by
 * --database or its absence), never by a VIGOR_DATABASE that happens to be set.
 */
function serverEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.VIGOR_DATABASE;
  return env;
}

let scratchDatabases = 0;

/**
 * A new database copied from "vigor_template" (already migrated, so a server starts at once).
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
async function createScratchDatabase() {
  scratchDatabases += 1;
  const name = `vigor_e2e_${process.pid}_${scratchDatabases}`;
  await postgresAdmin(`CREATE DATABASE ${name} TEMPLATE vigor_template`);
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A port that was free a moment ago: bind port 0, read what the kernel chose, release it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The server binary: VIGOR_BIN, else ../build/release/vigor. */
export function vigorBin() {
  return process.env.VIGOR_BIN ? path.resolve(process.env.VIGOR_BIN) : path.resolve(webDir, '../build/release/vigor');
}

/**
 * Creates an account with `vigor user create` (the password goes in on stdin, one line),
 * before the server starts or while it runs: both use the same database, the SQLite one under
 * `dataDir` or the PostgreSQL one at `database` when that is given.
 */
export function createUser({ bin = vigorBin(), dataDir, database, username, email, password, admin = false }) {
  const args = ['user', 'create', '--username', username, '--email', email, '--data-dir', dataDir];
  if (database) args.push('--database', database);
  if (admin) args.push('--admin');
  const result = spawnSync(bin, args, { input: `${password}\n`, encoding: 'utf8', timeout: 30_000, env: serverEnv() });
  if (result.status !== 0) {
    throw new Error(`vigor ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout.trim();
}

/**
 * @typedef {object} RunningServer
 * @property {string} baseUrl   e.g. http://127.0.0.1:41234
 * @property {number} port
 * @property {string} dataDir
 * @property {string | undefined} database  the PostgreSQL URL, when the journeys run on PostgreSQL
 * @property {string} logPath   the server's stdout and stderr
 * @property {() => Promise<void>} stop   SIGTERM, then SIGKILL after 5 s; removes the temp dir
 */

/**
 * @param {object} [options]
 * @param {string} [options.bin]
 * @param {string} [options.webDist]
 * @param {string[] | ((where: { port: number, baseUrl: string, dataDir: string }) => string[])} [options.args]
 *   extra `serve` arguments; a function gets the port chosen beforehand (e.g. for --public-url)
 * @param {Record<string, string>} [options.env]  extra environment variables for the server
 * @param {(where: { bin: string, dataDir: string, database?: string }) => (void | Promise<void>)} [options.prepare]
 *   runs on the fresh data directory (and database) before the server starts (e.g. createUser)
 * @returns {Promise<RunningServer>}
 */
export async function startServer({
  bin = vigorBin(),
  webDist = path.resolve(webDir, 'dist'),
  args: extraArgs = [],
  env = {},
  prepare,
} = {}) {
  if (!existsSync(bin)) {
    throw new Error(`Vigor server binary not found at ${bin}: build it, or set VIGOR_BIN.`);
  }
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing: run \`npm run build\` in web/ first.`);
  }

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'vigor-e2e-'));
  const dataDir = path.join(tmpDir, 'data');
  await mkdir(dataDir);
  const logPath = path.join(tmpDir, 'server.log');
  const logFd = openSync(logPath, 'w');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  /** @type {Awaited<ReturnType<typeof createScratchDatabase>> | undefined} */
  let scratch;
  try {
    if (postgresServerUrl) scratch = await createScratchDatabase();
    if (prepare) await prepare({ bin, dataDir, database: scratch?.url });
  } catch (error) {
    closeSync(logFd);
    await rm(tmpDir, { recursive: true, force: true });
    await scratch?.drop();
    throw error;
  }
  const args = [
    'serve',
    '--listen',
    `127.0.0.1:${port}`,
    '--data-dir',
    dataDir,
    '--web-dir',
    webDist,
    ...(scratch ? ['--database', scratch.url] : []),
    ...(typeof extraArgs === 'function' ? extraArgs({ port, baseUrl, dataDir }) : extraArgs),
  ];
  const child = spawn(bin, args, { stdio: ['ignore', logFd, logFd], env: serverEnv(env) });
  let spawnError;
  child.once('error', (error) => {
    spawnError = error;
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        process.kill(child.pid, 'SIGKILL');
        await waitForExit(child, STOP_GRACE_MS);
      }
    }
    closeSync(logFd);
    const keepLogsIn = process.env.VIGOR_E2E_LOG_DIR;
    if (keepLogsIn) {
      mkdirSync(keepLogsIn, { recursive: true });
      const journey = path.basename(process.argv[1] ?? 'server').replace(/\.test\.mjs$/, '');
      copyFileSync(logPath, path.join(keepLogsIn, `${journey}-${port}.log`));
    }
    await rm(tmpDir, { recursive: true, force: true });
    await scratch?.drop();
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (true) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      lastProblem = spawnError
        ? `could not start: ${spawnError.message}`
        : `exited early (code ${child.exitCode}, signal ${child.signalCode})`;
      break;
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) {
        return { baseUrl, port, dataDir, database: scratch?.url, logPath, stop };
      }
      lastProblem = `/readyz answered ${response.status}`;
    } catch (error) {
      lastProblem = `/readyz: ${error instanceof Error ? (error.cause?.code ?? error.message) : error}`;
    }
    if (Date.now() > deadline) {
      lastProblem = `not ready after ${READY_TIMEOUT_MS / 1000} s (${lastProblem})`;
      break;
    }
    await delay(100);
  }

  const log = readFileSync(logPath, 'utf8');
  process.stderr.write(
    `\n--- vigor server log (${bin} ${args.join(' ')}) ---\n${log || '(empty)'}\n--- end of server log ---\n`,
  );
  await stop();
  throw new Error(`Vigor server ${lastProblem}`);
}
