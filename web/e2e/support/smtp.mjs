// A real SMTP server for browser tests: Python's aiosmtpd, storing every message it gets in
// a Maildir, so a test can read the mails the Vigor server sends (e.g. the verification
// link). Started on a free port, stopped by its pid.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from './server.mjs';

const PYTHON = process.env.SMTP_PYTHON ?? '/usr/bin/python3';

/**
 * @typedef {object} Mail
 * @property {Record<string, string>} headers  lower-case names
 * @property {string} body  decoded text
 * @property {string} file
 */

/** Undoes quoted-printable, in case a server wraps long lines that way. */
function decodeQuotedPrintable(text) {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** @returns {Mail} */
function parseMail(raw, file) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  let body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  /** @type {Record<string, string>} */
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return { headers, body, file };
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startSmtpSink() {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'vigor-smtp-'));
  const maildir = path.join(tmpDir, 'maildir');
  // aiosmtpd's Mailbox handler opens an existing folder as a Maildir without creating the
  // cur/new/tmp folders inside it, so they are made here.
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(path.join(maildir, sub), { recursive: true });
  const port = await freePort();
  const child = spawn(
    PYTHON,
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const pid = child.pid;

  async function stop() {
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(pid, 'SIGTERM');
      await Promise.race([exited, delay(3000)]);
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    }
    await rm(tmpDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 10_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`SMTP sink did not start on port ${port}: ${stderr || 'no output'}`);
    }
    await delay(50);
  }

  /** Every mail received so far, oldest first. */
  async function mails() {
    const dir = path.join(maildir, 'new');
    const files = (await readdir(dir)).sort();
    return Promise.all(
      files.map(async (name) => parseMail(await readFile(path.join(dir, name), 'utf8'), path.join(dir, name))),
    );
  }

  /**
   * Waits for the first mail that matches, e.g. `(m) => m.headers.to === 'ann@example.org'`.
   * @param {(mail: Mail) => boolean} match
   */
  async function waitForMail(match, { timeoutMs = 15_000 } = {}) {
    const until = Date.now() + timeoutMs;
    while (true) {
      const found = (await mails()).find(match);
      if (found) return found;
      if (Date.now() > until) {
        const seen = (await mails()).map((m) => `${m.headers.to}: ${m.headers.subject}`);
        throw new Error(`no matching mail after ${timeoutMs} ms; received: ${JSON.stringify(seen)}`);
      }
      await delay(100);
    }
  }

  return { port, url: `smtp://127.0.0.1:${port}`, pid, maildir, mails, waitForMail, stop };
}
