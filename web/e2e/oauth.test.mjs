// Journey: a third-party app uses Vigor's OAuth 2.0 authorization server the way any app would,
// through a standard client library written apart from the server (oauth4webapi): a developer
// registers the app, the app discovers the server (RFC 8414), sends the user's browser (Chromium)
// to the authorization endpoint with PKCE S256 and a state, the user signs in and allows it on the
// consent page, the app's loopback redirect URI (a small HTTP server of this test) receives the
// code with state and iss (RFC 9207, checked by the library), exchanges it with the verifier,
// calls the API with the access token, refreshes, and presenting the old refresh token again
// revokes the whole grant. Then revocation (RFC 7009) and introspection (RFC 7662), the device
// flow (RFC 8628) with the user code entered in the browser, and the refusals, each with the
// error code its RFC names: a wrong verifier, a reused code, an unregistered redirect URI (no
// redirect), a public client without PKCE, a token without the scope a write needs. The consent
// and sign-in pages cannot be framed.
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import * as oauth from 'oauth4webapi';
import { collectPageErrors, launchBrowser } from './support/browser.mjs';
import { createUser, startServer } from './support/server.mjs';

const developer = { username: 'trail_dev', email: 'dev@example.org', password: 'apps for the trail 2026' };
const user = { username: 'rosa_runs', email: 'rosa@example.org', password: 'strides and sprints 2025' };
const appName = 'Trail Log';

/** The scopes of personal access tokens, which OAuth scopes are (api/openapi.yaml, oauth2). */
const allScopes = [
  'profile:read',
  'profile:write',
  'workouts:read',
  'workouts:write',
  'body:read',
  'body:write',
  'nutrition:read',
  'nutrition:write',
  'social:read',
  'social:write',
];

/** Plain http:// to 127.0.0.1 is what this test serves; the library wants https unless told. */
const insecure = { [oauth.allowInsecureRequests]: true };

/**
 * The app's redirect URI: an HTTP server on a loopback port that records each request, as a
 * native app's would (RFC 8252 7.3).
 */
async function startCallbackServer() {
  /** @type {URL[]} */
  const received = [];
  /** @type {((url: URL) => void)[]} */
  const waiting = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/favicon.ico') {
      // The browser asks for it after showing the page: not a redirect to the app (and no 404,
      // which the page would report as an error).
      response.writeHead(204).end();
      return;
    }
    received.push(url);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><title>Trail Log</title><h1>You can close this window.</h1></html>');
    waiting.shift()?.(url);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    received,
    /** The next request that reaches the redirect URI. */
    next() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no request reached the redirect URI in 15 s')), 15_000);
        waiting.push((url) => {
          clearTimeout(timer);
          resolve(url);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * A signed-in API session of `who` outside the browser (the developer registering the app): a
 * cookie jar and the CSRF header, as the web app sends them.
 */
async function apiSession(baseUrl, who) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  async function call(method, path, body) {
    const headers = { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = jar.get('vigor_csrf') ?? '';
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1));
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  await call('GET', '/api/v1/meta');
  const login = await call('POST', '/api/v1/auth/login', { login: who.username, password: who.password });
  assert.equal(login.status, 200, `sign-in of ${who.username}: ${JSON.stringify(login.body)}`);
  return call;
}

/**
 * An API call with a bearer token, through the library; the status and JSON body. A 401 with a
 * WWW-Authenticate challenge comes back from the library as an error: its status all the same.
 */
async function callApi(accessToken, method, path, baseUrl, body) {
  const headers = new Headers();
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  try {
    const response = await oauth.protectedResourceRequest(
      accessToken,
      method,
      new URL(path, baseUrl),
      headers,
      body === undefined ? undefined : JSON.stringify(body),
      insecure,
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch (error) {
    if (error instanceof oauth.WWWAuthenticateChallengeError) return { status: error.status, body: undefined };
    throw error;
  }
}

/** The OAuth error code (RFC 6749 5.2, RFC 8628 3.5) the library found in a refusal. */
async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError) {
      return error.error;
    }
    throw error;
  }
  assert.fail('the server granted what it should have refused');
}

describe('a third-party app through OAuth 2.0', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof startCallbackServer>>} */
  let callback;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];
  /** @type {oauth.AuthorizationServer} */
  let as;
  /** @type {oauth.Client} */
  let client;
  /** @type {oauth.ClientAuth} */
  let clientAuth;
  let redirectUri = '';
  let signedIn = false;

  before(async () => {
    callback = await startCallbackServer();
    redirectUri = `http://127.0.0.1:${callback.port}/callback`;
    server = await startServer({
      prepare: (where) => {
        createUser({ ...where, ...developer });
        createUser({ ...where, ...user });
      },
      args: ({ baseUrl }) => ['--public-url', baseUrl, '--access-log', 'false'],
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    pageErrors = collectPageErrors(page);

    // The developer registers a confidential app with the loopback redirect URI.
    const developerApi = await apiSession(server.baseUrl, developer);
    const registered = await developerApi('POST', '/api/v1/me/apps', {
      name: appName,
      homepage_url: 'https://traillog.example',
      logo_url: null,
      redirect_uris: [redirectUri],
      confidential: true,
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.match(registered.body.client_id, /^vgr_client_[A-Za-z0-9_-]{22}$/);
    assert.match(registered.body.client_secret, /^vgr_cs_[A-Za-z0-9_-]{43}$/);
    client = { client_id: registered.body.client_id };
    clientAuth = oauth.ClientSecretBasic(registered.body.client_secret);

    // Discovery, as the library does it: the metadata's issuer must be the server asked.
    const issuer = new URL(server.baseUrl);
    as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
    );
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
      await callback?.close();
    }
  });

  /**
   * The browser part of the authorization code flow: the app's authorization URL with PKCE S256
   * and a state, sign-in when the browser has no session yet, the consent page, Allow, and the
   * redirect back to the app. The callback's parameters, checked by the library (state, iss).
   */
  async function authorize(scope) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', client.client_id);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', scope);
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');

    const arrived = callback.next();
    await page.goto(url.href);
    if (!signedIn) {
      // Not signed in yet: the consent page sends the browser to sign in first, and back.
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('Username or email', { exact: true }).fill(user.username);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      signedIn = true;
    }
    await page.waitForURL(/\/oauth\/consent\?request=/);
    // The user (made with `vigor user create`) consents to the processing of their health data
    // first (issue 15); the authorization request waits at the same address.
    const allow = page.getByRole('heading', { level: 1, name: 'Allow access?' });
    const healthData = page.getByRole('heading', { level: 1, name: 'Your consent' });
    await allow.or(healthData).first().waitFor();
    if (await healthData.isVisible()) await page.getByRole('button', { name: 'I consent (version 1)' }).click();
    await allow.waitFor();
    // The consent page names the app and each scope it asks for.
    await page.getByText(appName).first().waitFor();
    for (const name of scope.split(' ')) await page.getByText(name, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    const callbackUrl = await arrived;
    // The app's server has the request; the browser's navigation there must also end before
    // the next one starts (else that one is "interrupted" by this late arrival).
    await page.waitForURL((at) => `${at.origin}${at.pathname}` === redirectUri);
    assert.equal(`${callbackUrl.origin}${callbackUrl.pathname}`, redirectUri);
    const params = oauth.validateAuthResponse(as, client, callbackUrl, state);
    assert.ok(params.get('code'), 'a code in the authorization response');
    return { params, codeVerifier };
  }

  async function exchange({ params, codeVerifier }) {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      redirectUri,
      codeVerifier,
      insecure,
    );
    return oauth.processAuthorizationCodeResponse(as, client, response);
  }

  const refresh = async (refreshToken) =>
    oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, insecure),
    );

  const introspect = async (token) =>
    oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, clientAuth, token, insecure),
    );

  const revoke = async (token) =>
    oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, token, insecure));

  test('the metadata carries what RFC 8414 requires, and every URL in it answers', async () => {
    assert.equal(as.issuer, server.baseUrl);
    const base = server.baseUrl;
    assert.equal(as.authorization_endpoint, `${base}/oauth/authorize`);
    assert.equal(as.token_endpoint, `${base}/oauth/token`);
    assert.equal(as.revocation_endpoint, `${base}/oauth/revoke`);
    assert.equal(as.introspection_endpoint, `${base}/oauth/introspect`);
    assert.equal(as.device_authorization_endpoint, `${base}/oauth/device_authorization`);
    assert.deepEqual(as.response_types_supported, ['code']);
    assert.deepEqual(as.code_challenge_methods_supported, ['S256']);
    assert.deepEqual([...(as.scopes_supported ?? [])].sort(), [...allScopes].sort());
    const grants = as.grant_types_supported ?? [];
    for (const grant of ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code']) {
      assert.ok(grants.includes(grant), `grant_types_supported has ${grant}`);
    }
    for (const grant of ['implicit', 'password']) assert.ok(!grants.includes(grant), `no ${grant} grant`);
    assert.equal(as.authorization_response_iss_parameter_supported, true);
    for (const method of ['client_secret_basic', 'client_secret_post', 'none']) {
      assert.ok(as.token_endpoint_auth_methods_supported?.includes(method), `token endpoint accepts ${method}`);
    }

    // Every URL in the document answers: not 404, no server error (an endpoint that only takes
    // POST may say 405; the authorization endpoint without parameters a 400 page).
    const urls = Object.entries(as).filter(([, value]) => typeof value === 'string' && /^https?:\/\//.test(value));
    assert.ok(urls.length >= 6, `URLs in the metadata: ${urls.map(([k]) => k).join(', ')}`);
    for (const [name, value] of urls) {
      const response = await fetch(value, { redirect: 'manual' });
      assert.ok(response.status !== 404 && response.status < 500, `${name} ${value} answered ${response.status}`);
    }
  });

  test('authorization code with PKCE, an API call, refresh, and a reused refresh token revokes the grant', async () => {
    const tokens = await exchange(await authorize('profile:read workouts:read'));
    assert.equal(tokens.token_type, 'bearer');
    assert.match(tokens.access_token, /^vgr_oat_[A-Za-z0-9_-]{43}$/);
    assert.match(tokens.refresh_token ?? '', /^vgr_ort_[A-Za-z0-9_-]{43}$/);
    assert.equal(tokens.expires_in, 900);
    assert.deepEqual(tokens.scope?.split(' ').sort(), ['profile:read', 'workouts:read']);

    const me = await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl);
    assert.equal(me.status, 200);
    assert.equal(me.body.username, user.username);
    assert.equal((await callApi(tokens.access_token, 'GET', '/api/v1/workouts', server.baseUrl)).status, 200);
    // A write the grant has no scope for.
    const write = await callApi(tokens.access_token, 'POST', '/api/v1/workouts', server.baseUrl, {
      title: 'Not allowed',
      started_at: '2026-03-02T07:30:00Z',
      blocks: [],
    });
    assert.equal(write.status, 403);
    assert.equal(write.body.code, 'token_scope_missing');

    // Refresh: a new pair; the refresh token changes on every use.
    const refreshed = await refresh(tokens.refresh_token);
    assert.notEqual(refreshed.access_token, tokens.access_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    assert.equal((await callApi(refreshed.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 200);

    // The old refresh token again: refused, and the whole grant is revoked with it.
    assert.equal(await refusal(refresh(tokens.refresh_token)), 'invalid_grant');
    assert.equal((await callApi(refreshed.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 401);
    assert.equal(await refusal(refresh(refreshed.refresh_token)), 'invalid_grant');
  });

  test('a code works once: used again it is refused and revokes what it gave; a wrong verifier is refused', async () => {
    const authorization = await authorize('profile:read');
    const tokens = await exchange(authorization);
    assert.equal((await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 200);
    assert.equal(await refusal(exchange(authorization)), 'invalid_grant');
    assert.equal((await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 401);

    const other = await authorize('profile:read');
    const wrongVerifier = oauth.generateRandomCodeVerifier();
    assert.equal(await refusal(exchange({ params: other.params, codeVerifier: wrongVerifier })), 'invalid_grant');
  });

  test('an unregistered redirect URI gets no redirect; a public client without PKCE is refused', async () => {
    const state = oauth.generateRandomState();
    const challenge = await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier());
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', client.client_id);
    url.searchParams.set('redirect_uri', `http://127.0.0.1:${callback.port}/elsewhere`);
    url.searchParams.set('scope', 'profile:read');
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
    const before = callback.received.length;
    const wrongRedirect = await fetch(url, { redirect: 'manual' });
    assert.equal(wrongRedirect.status, 400);
    assert.equal(wrongRedirect.headers.get('location'), null);
    // In the browser too: a page of the server's, and nothing reaches the app. (A page of its
    // own: Chromium reports the 400 as a console error, which the journey's page must not have.)
    const errorPage = await browser.context.newPage();
    const shown = await errorPage.goto(url.href);
    assert.equal(shown?.status(), 400);
    assert.equal(new URL(errorPage.url()).origin, server.baseUrl);
    await errorPage.close();
    assert.equal(callback.received.length, before);

    // A public app (no secret) that sends no code challenge: an error redirect, invalid_request.
    const developerApi = await apiSession(server.baseUrl, developer);
    const registered = await developerApi('POST', '/api/v1/me/apps', {
      name: 'Trail Log for phones',
      homepage_url: null,
      logo_url: null,
      redirect_uris: [redirectUri],
      confidential: false,
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.equal(registered.body.client_secret, undefined);
    const publicClient = { client_id: registered.body.client_id };
    const noPkce = new URL(as.authorization_endpoint);
    noPkce.searchParams.set('response_type', 'code');
    noPkce.searchParams.set('client_id', publicClient.client_id);
    noPkce.searchParams.set('redirect_uri', redirectUri);
    noPkce.searchParams.set('scope', 'profile:read');
    noPkce.searchParams.set('state', state);
    const refused = await fetch(noPkce, { redirect: 'manual' });
    assert.equal(refused.status, 303);
    const location = new URL(refused.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, redirectUri);
    assert.equal(
      await refusal(Promise.resolve().then(() => oauth.validateAuthResponse(as, publicClient, location, state))),
      'invalid_request',
    );
  });

  test('introspection says active until a revocation ends the grant (RFC 7009, RFC 7662)', async () => {
    const tokens = await exchange(await authorize('profile:read workouts:read'));
    const active = await introspect(tokens.access_token);
    assert.equal(active.active, true);
    assert.equal(active.client_id, client.client_id);
    assert.deepEqual(active.scope?.split(' ').sort(), ['profile:read', 'workouts:read']);
    assert.equal(active.username, user.username);
    assert.equal((await introspect(tokens.refresh_token ?? '')).active, true);

    // Revoking the refresh token ends the grant: both tokens are dead.
    await revoke(tokens.refresh_token ?? '');
    assert.equal((await introspect(tokens.access_token)).active, false);
    assert.equal((await introspect(tokens.refresh_token ?? '')).active, false);
    assert.equal((await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 401);
    assert.equal(await refusal(refresh(tokens.refresh_token ?? '')), 'invalid_grant');
    // Revoking what is already dead, or was never a token, is answered 200 all the same.
    await revoke(tokens.access_token);
    await revoke('vgr_oat_not-a-token');
  });

  test('the device flow: a user code entered in the browser, polling until approved', async () => {
    const device = await oauth.processDeviceAuthorizationResponse(
      as,
      client,
      await oauth.deviceAuthorizationRequest(as, client, clientAuth, { scope: 'profile:read' }, insecure),
    );
    assert.match(device.user_code, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.equal(device.verification_uri, `${server.baseUrl}/device`);
    assert.equal(device.verification_uri_complete, `${server.baseUrl}/device?code=${device.user_code}`);
    const interval = device.interval ?? 5;
    assert.equal(interval, 5);
    const poll = async () =>
      oauth.processDeviceCodeResponse(
        as,
        client,
        await oauth.deviceCodeGrantRequest(as, client, clientAuth, device.device_code, insecure),
      );

    await delay(interval * 1000);
    assert.equal(await refusal(poll()), 'authorization_pending');

    // The user types the code on /device (signed in from the journeys above) and allows it.
    await page.goto(device.verification_uri);
    await page.getByLabel('Code', { exact: true }).fill(device.user_code.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByText(appName).first().waitFor();
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    await page.getByText('Device connected').waitFor();

    await delay(interval * 1000);
    const tokens = await poll();
    assert.match(tokens.access_token, /^vgr_oat_/);
    assert.equal(tokens.scope, 'profile:read');
    const me = await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl);
    assert.equal(me.status, 200);
    assert.equal(me.body.username, user.username);
    // The device code worked once.
    await delay(interval * 1000);
    assert.ok(['invalid_grant', 'expired_token'].includes(await refusal(poll())));

    // Revoking the access token ends that token only: the refresh token still works.
    await revoke(tokens.access_token);
    assert.equal((await introspect(tokens.access_token)).active, false);
    assert.equal((await callApi(tokens.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 401);
    const refreshed = await refresh(tokens.refresh_token ?? '');
    assert.equal((await callApi(refreshed.access_token, 'GET', '/api/v1/me', server.baseUrl)).status, 200);
  });

  test('the consent, device and sign-in pages cannot be framed', async () => {
    for (const path of ['/oauth/consent?request=anything', '/device', '/login']) {
      const response = await fetch(new URL(path, server.baseUrl));
      assert.equal(response.status, 200, path);
      const frameOptions = response.headers.get('x-frame-options') ?? '';
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.ok(
        /^deny$/i.test(frameOptions) || /frame-ancestors\s+'none'/.test(csp),
        `${path}: X-Frame-Options "${frameOptions}", CSP "${csp}"`,
      );
    }
    assert.deepEqual(pageErrors, []);
  });
});
