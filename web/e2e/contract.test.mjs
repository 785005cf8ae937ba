// The checker the journeys' exchanges go through (support/contract.mjs), on a hand-written
// contract: what must pass, and what must fail and say where. No browser, no server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkExchange, compileContract, matchPath } from './support/contract.mjs';

const problem = { $ref: '#/components/responses/Problem' };
const small = compileContract({
  openapi: '3.1.0',
  paths: {
    '/api/things': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: { name: { type: 'string', maxLength: 5 } },
              },
            },
          },
        },
        responses: {
          201: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          422: problem,
        },
      },
    },
    '/api/things/{id}': {
      get: {
        responses: {
          200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: problem,
        },
      },
      delete: { responses: { 204: { description: '' }, '4XX': problem } },
    },
    '/api/things/special': { get: { responses: { 200: { description: '', content: { 'text/csv': {} } } } } },
  },
  components: {
    responses: {
      Problem: {
        description: '',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name', 'updated_at'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          updated_at: { type: 'string', format: 'date-time' },
          notes: { type: ['string', 'null'] },
        },
      },
      Problem: {
        type: 'object',
        required: ['title', 'status'],
        properties: { title: { type: 'string' }, status: { type: 'integer' } },
      },
    },
  },
});

const base = 'http://localhost:1';
const thing = JSON.stringify({ id: '1', name: 'a', updated_at: '2026-03-02T18:04:12Z', notes: null });
const get = (path, status, type, body) =>
  checkExchange({ method: 'GET', url: base + path, status, responseContentType: type, responseBody: body }, small);
const post = (type, body, status) =>
  checkExchange(
    {
      method: 'POST',
      url: `${base}/api/things`,
      requestContentType: type,
      requestBody: body,
      status,
      responseContentType: status === 201 ? 'application/json' : 'application/problem+json',
      responseBody: status === 201 ? thing : '{"title":"Invalid","status":422}',
    },
    small,
  );

describe('the contract checker of the journeys', () => {
  test('matches literal paths before parameters', () => {
    assert.equal(matchPath('/api/things/special', small.document), '/api/things/special');
    assert.equal(matchPath('/api/things/42', small.document), '/api/things/{id}');
    assert.equal(matchPath('/api/things/', small.document), undefined);
    assert.equal(matchPath('/api/other', small.document), undefined);
  });

  test('passes exchanges that keep the contract', () => {
    assert.deepEqual(get('/api/things/1?x=1', 200, 'application/json', thing), []);
    assert.deepEqual(get('/api/things/1', 404, 'application/problem+json', '{"title":"Not found","status":404}'), []);
    assert.deepEqual(get('/api/things/special', 200, 'text/csv; charset=utf-8', 'a,b\n'), []);
    assert.deepEqual(
      checkExchange({ method: 'DELETE', url: `${base}/api/things/1`, status: 409, responseContentType: 'application/problem+json', responseBody: '{"title":"Conflict","status":409}' }, small),
      [],
      '4XX covers 409',
    );
    assert.deepEqual(post('application/json', '{"name":"a"}', 201), []);
    assert.deepEqual(post('application/json', '{"name":"far too long"}', 422), [], 'refused: the contract holds');
  });

  test('fails exchanges that break it, saying where', () => {
    assert.deepEqual(get('/api/nothing', 200, 'application/json', '{}'), ['no path of the contract matches /api/nothing']);
    assert.deepEqual(checkExchange({ method: 'PUT', url: `${base}/api/things/1`, status: 200 }, small), [
      'the contract has no PUT /api/things/{id}',
    ]);
    assert.deepEqual(get('/api/things/1', 500, 'application/problem+json', '{}'), [
      'GET /api/things/{id} answered 500, a status the contract does not document (200, 404)',
    ]);
    assert.deepEqual(get('/api/things/1', 200, 'text/html', '<p>'), [
      'GET /api/things/{id} -> 200: Content-Type "text/html", the contract documents application/json',
    ]);
    const extra = get('/api/things/1', 200, 'application/json', JSON.stringify({ ...JSON.parse(thing), rev: 3 }));
    assert.equal(extra.length, 1);
    assert.match(extra[0], /^GET \/api\/things\/\{id\} -> 200: \(the whole body\): additionalProperties: /);
    const badTime = get('/api/things/1', 200, 'application/json', JSON.stringify({ ...JSON.parse(thing), updated_at: '2026-03-02 18:04' }));
    assert.equal(badTime.length, 1);
    assert.match(badTime[0], /^GET \/api\/things\/\{id\} -> 200: \/updated_at: format: /);
    assert.match(get('/api/things/1', 200, 'application/json', '{"id":')[0], /-> 200: is not JSON/);
  });

  test('fails request bodies the server accepted although the contract refuses them', () => {
    const long = post('application/json', '{"name":"far too long"}', 201);
    assert.equal(long.length, 1);
    assert.match(long[0], /^POST \/api\/things -> 201: the server accepted a request body that breaks the contract: \/name: maxLength: /);
    assert.deepEqual(post('text/plain', 'x', 201), [
      'POST /api/things -> 201: the server accepted a request body of type "text/plain"; the contract lists application/json',
    ]);
    assert.deepEqual(post('application/json', '', 201), [
      'POST /api/things -> 201: the server accepted a request without the body the contract requires',
    ]);
  });

  test('checks only the media type of a body the browser does not show (a file)', () => {
    const unread = (type) =>
      checkExchange(
        { method: 'POST', url: `${base}/api/things`, requestContentType: type, requestBody: null, requestBodyUnread: true, status: 201, responseContentType: 'application/json', responseBody: thing },
        small,
      );
    assert.deepEqual(unread('application/json'), []);
    assert.deepEqual(unread('text/csv'), [
      'POST /api/things -> 201: the server accepted a request body of type "text/csv"; the contract lists application/json',
    ]);
  });
});
