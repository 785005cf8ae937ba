import type { components, paths } from './schema.gen';

/**
 * Types for the API, derived from the generated schema so a fetcher cannot drift from
 * api/openapi.yaml: `ResponseBody<'/meta'>` is the JSON body of GET /api/v1/meta's 200.
 */
type V1Paths = {
  [P in keyof paths as P extends `/api/v1${infer Rest}` ? Rest : never]: paths[P];
};

/** A path below /api/v1 as written in the spec, e.g. '/meta'. */
export type ApiPath = keyof V1Paths;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type OperationOf<P extends ApiPath, M extends HttpMethod> = NonNullable<V1Paths[P][M]>;
type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** The JSON body of the given response status (200 unless named). */
export type ResponseBody<P extends ApiPath, M extends HttpMethod = 'get', S extends number = 200> =
  OperationOf<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonContent<R[S]> : never) : never;

/** The JSON request body of an operation. */
export type RequestBody<P extends ApiPath, M extends HttpMethod> =
  OperationOf<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** A named schema of the spec's `components/schemas`, e.g. `Schema<'Me'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
