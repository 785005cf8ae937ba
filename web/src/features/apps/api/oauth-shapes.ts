/**
 * Shapes of the OAuth lane's endpoints, written from the surface (PREAMBLE: "THE OAUTH
 * HTTP SURFACE") until its contract is merged: then these become `ResponseBody<...>` of the
 * generated schema, and the compiler shows any difference.
 */

/** The app as the consent, device and connected-apps pages show it. */
export interface OAuthClientSummary {
  client_id: string;
  name: string;
  logo_url?: string | null;
  homepage_url?: string | null;
}

/** GET /api/v1/oauth/authorization-requests/{id}. */
export interface AuthorizationRequest {
  id: string;
  client: OAuthClientSummary & { redirect_uri: string };
  scopes: string[];
  expires_at: string;
}

/** GET /api/v1/oauth/device-requests/{user_code}. */
export interface DeviceRequest {
  user_code: string;
  client: OAuthClientSummary;
  scopes: string[];
  expires_at: string;
}

/** One item of GET /api/v1/me/connected-apps. */
export interface ConnectedApp extends OAuthClientSummary {
  scopes: string[];
  authorized_at: string;
  last_used_at?: string | null;
}

export interface ConnectedAppList {
  items: ConnectedApp[];
}
