// TOTP codes for browser tests, computed by Debian's oathtool (RFC 6238, SHA-1, 30 s, 6 digits).
import { execFileSync } from 'node:child_process';

/**
 * The code for the time step `offsetSteps` away from now (0: now, 1: the next 30 s).
 * @param {string} secret  base32, spaces allowed
 */
export function totpCode(secret, offsetSteps = 0) {
  const at = Math.floor(Date.now() / 1000) + offsetSteps * 30;
  return execFileSync('oathtool', ['--totp', '--base32', '--now', `@${at}`, secret.replace(/\s/g, '')], {
    encoding: 'utf8',
  }).trim();
}
