// Every /api/ exchange a journey's pages make is checked against api/openapi.yaml, as the C++
// integration tests check theirs (tests/support/openapi_contract.hpp): the route must be in the
// contract, the status documented for it, the Content-Type one it lists, a JSON body valid
// against its schema; a request body the server accepted (2xx, 3xx) must be of a media type the
// route lists and valid against its schema. The contract is read through the same converter
// (scripts/openapi-json, Debian's python3-yaml); schemas are checked by Ajv (JSON Schema 2020-12,
// the dialect of OpenAPI 3.1) with ajv-formats.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { webDir } from './server.mjs';

const repoRoot = path.resolve(webDir, '..');

/** @type {any} */
let documentCache;

/** An OpenAPI document (parsed JSON) ready for checkExchange. */
export function compileContract(document) {
  // strict: false, as the contract carries OpenAPI's own keywords (example, discriminator...).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(document, 'openapi');
  return { document, ajv };
}

/** api/openapi.yaml, read once. */
function contract() {
  if (!documentCache) {
    const json = execFileSync('/usr/bin/python3', [
      path.join(repoRoot, 'scripts', 'openapi-json'),
      path.join(repoRoot, 'api', 'openapi.yaml'),
    ]);
    documentCache = compileContract(JSON.parse(json.toString('utf8')));
  }
  return documentCache;
}

/** @param {string} segment */
const escapePointer = (segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** @param {string | undefined} contentType */
const mediaType = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** @param {string} type */
const isJson = (type) => type === 'application/json' || (type.length > 5 && type.endsWith('+json'));

/** @param {string} pathname @param {any} document */
export function matchPath(pathname, document) {
  const parts = pathname.split('/');
  let best;
  let bestLiterals = -1;
  for (const template of Object.keys(document.paths ?? {})) {
    const pattern = template.split('/');
    if (pattern.length !== parts.length) continue;
    let literals = 0;
    const match = pattern.every((segment, i) => {
      if (/^\{.+\}$/.test(segment)) return parts[i] !== '';
      literals += 1;
      return segment === parts[i];
    });
    if (match && literals > bestLiterals) {
      best = template;
      bestLiterals = literals;
    }
  }
  return best;
}

/** @param {any} document @param {any} node */
function resolve(document, node) {
  if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    return node.$ref
      .slice(2)
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at, key) => at?.[key], document);
  }
  return node;
}

/** @param {Record<string, unknown>} content @param {string} type */
function contentKey(content, type) {
  const exact = Object.keys(content).find((key) => key.toLowerCase() === type);
  if (exact) return exact;
  const range = `${type.split('/')[0]}/*`;
  if (range in content) return range;
  return '*/*' in content ? '*/*' : undefined;
}

/** The schema's violations, one line each: JSON pointer, rule, message, schema location. */
function validate(ajv, schemaRef, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`is not JSON (${/** @type {Error} */ (error).message})`];
  }
  const check = ajv.getSchema(schemaRef);
  if (!check) return [`no schema at ${schemaRef}`];
  if (check(value)) return [];
  return (check.errors ?? []).map(
    (e) => `${e.instancePath || '(the whole body)'}: ${e.keyword}: ${e.message} [schema ${e.schemaPath}]`,
  );
}

/**
 * The ways one exchange breaks the contract (empty when it keeps it).
 * @param {{ method: string, url: string, requestContentType?: string, requestBody?: string | null,
 *   requestBodyUnread?: boolean, status: number, responseContentType?: string,
 *   responseBody?: string | null }} exchange
 *   requestBodyUnread: a body was sent that the browser does not show (a file): only its media
 *   type is checked. responseBody null: not read (a stream), not checked.
 */
export function checkExchange(exchange, { document, ajv } = contract()) {
  const out = [];
  const { pathname } = new URL(exchange.url);
  const method = exchange.method.toLowerCase();
  const template = matchPath(pathname, document);
  if (!template) return [`no path of the contract matches ${pathname}`];
  const operationMethod = method === 'head' ? 'get' : method;
  const operation = document.paths[template][operationMethod];
  if (!operation) return [`the contract has no ${exchange.method} ${template}`];
  const route = `${exchange.method} ${template}`;
  const status = String(exchange.status);
  const operationPointer = `#/paths/${escapePointer(template)}/${operationMethod}`;

  const accepted = exchange.status >= 200 && exchange.status < 400;
  const requestBody = resolve(document, operation.requestBody);
  const sentBody = exchange.requestBodyUnread ? null : (exchange.requestBody ?? '');
  if (accepted && sentBody === null && requestBody?.content) {
    const type = mediaType(exchange.requestContentType);
    if (!contentKey(requestBody.content, type)) {
      out.push(`${route} -> ${status}: the server accepted a request body of type "${type}"; the contract lists ${Object.keys(requestBody.content).join(', ')}`);
    }
  } else if (accepted) {
    const where = `${route} -> ${status}: the server accepted`;
    if (sentBody !== '' && !requestBody) {
      out.push(`${where} a request body, and the route takes none`);
    } else if (sentBody === '' && requestBody?.required) {
      out.push(`${where} a request without the body the contract requires`);
    } else if (sentBody !== '' && requestBody?.content) {
      const type = mediaType(exchange.requestContentType);
      const key = contentKey(requestBody.content, type);
      if (!key) {
        out.push(`${where} a request body of type "${type}"; the contract lists ${Object.keys(requestBody.content).join(', ')}`);
      } else if (isJson(type) && requestBody.content[key].schema) {
        const base = operation.requestBody.$ref ? operation.requestBody.$ref : `${operationPointer}/requestBody`;
        const ref = `openapi${base}/content/${escapePointer(key)}/schema`;
        for (const v of validate(ajv, ref, sentBody)) out.push(`${where} a request body that breaks the contract: ${v}`);
      }
    }
  }

  const responses = operation.responses ?? {};
  let key = status;
  if (!(key in responses)) key = `${status[0]}XX`;
  if (!(key in responses)) key = 'default';
  if (!(key in responses)) {
    out.push(`${route} answered ${status}, a status the contract does not document (${Object.keys(responses).join(', ')})`);
    return out;
  }
  const responseRef = responses[key].$ref ?? `${operationPointer}/responses/${key}`;
  const response = resolve(document, responses[key]);
  const type = mediaType(exchange.responseContentType);
  const where = `${route} -> ${status}`;
  if (!response.content || Object.keys(response.content).length === 0) {
    if (exchange.responseBody && method !== 'head') {
      out.push(`${where}: a body of type "${type}" where the contract documents none`);
    }
    return out;
  }
  const mediaKey = contentKey(response.content, type);
  if (!mediaKey) {
    out.push(`${where}: Content-Type "${type}", the contract documents ${Object.keys(response.content).join(', ')}`);
    return out;
  }
  if (method === 'head' || exchange.responseBody == null || !isJson(type)) return out;
  if (!response.content[mediaKey].schema) return out;
  const ref = `openapi${responseRef}/content/${escapePointer(mediaKey)}/schema`;
  for (const v of validate(ajv, ref, exchange.responseBody)) out.push(`${where}: ${v}`);
  return out;
}

/**
 * Checks every /api/ response the context's pages receive, with the request it answers.
 * `violations` collects one message per broken exchange; `settled()` waits for the checks of the
 * responses seen so far (reading a body is asynchronous).
 * @param {import('playwright-core').BrowserContext} context
 */
export function watchContract(context) {
  /** @type {string[]} */
  const violations = [];
  /** @type {Set<Promise<void>>} */
  const pending = new Set();
  /** @type {Set<(message: string, page: import('playwright-core').Page | null) => void>} */
  const listeners = new Set();
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const work = (async () => {
      const request = response.request();
      const responseHeaders = await response.allHeaders();
      const responseContentType = responseHeaders['content-type'];
      // Chromium answers a revalidated read (the server said 304 Not Modified to the ETag it
      // sent) from its HTTP cache, and reports the stored status (200) with the 304's headers:
      // an ETag and no Content-Type, which no 200 of Vigor's has. What crossed the wire was
      // the 304: that is the exchange to check.
      const revalidated = response.status() === 200 && !responseContentType && responseHeaders.etag !== undefined;
      let responseBody = null;
      // An event stream stays open: its head is checked, not its body.
      if (!revalidated && mediaType(responseContentType) !== 'text/event-stream') {
        try {
          responseBody = (await response.body()).toString('utf8');
        } catch {
          responseBody = null;  // the page went away before the body could be read
        }
      }
      const requestContentType = (await request.allHeaders())['content-type'];
      const requestBody = request.postData();
      const problems = checkExchange({
        method: request.method(),
        url: response.url(),
        requestContentType,
        requestBody,
        // Chromium does not hand over a Blob body (an uploaded file): a Content-Type without
        // post data is such a body.
        requestBodyUnread: requestBody === null && requestContentType !== undefined,
        status: revalidated ? 304 : response.status(),
        responseContentType,
        responseBody,
      });
      if (problems.length > 0) {
        const message =
          `The exchange breaks api/openapi.yaml: ${request.method()} ${url.pathname}${url.search} -> ${response.status()}\n` +
          problems.map((p) => `  ${p}`).join('\n') +
          (responseBody ? `\n  response body: ${responseBody.slice(0, 600)}` : '');
        violations.push(message);
        let page = null;
        try {
          page = response.frame().page();
        } catch {
          // a service worker's request has no frame
        }
        for (const listener of listeners) listener(message, page);
      }
    })().catch((error) => {
      // The test closed its page while this answer was arriving: nothing is left to read, and
      // nothing was broken. Any other failure to check is reported.
      if (String(error).includes('Target page, context or browser has been closed')) return;
      violations.push(`checking ${response.url()} against the contract failed: ${error}`);
    });
    pending.add(work);
    work.finally(() => pending.delete(work));
  });
  return {
    violations,
    /** Calls `listener(message, page)` for each violation from now on. */
    onViolation(listener) {
      listeners.add(listener);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
