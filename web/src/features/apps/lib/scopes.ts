/**
 * The scopes an app may ask for, as plain words. They are the personal access tokens' scopes
 * (the same names), so their words are the tokens page's (`security.tokens.scope.*`); a scope
 * this web app does not know yet is shown by its name.
 */
export const knownScopes = [
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
] as const;

export type KnownScope = (typeof knownScopes)[number];

export function isKnownScope(scope: string): scope is KnownScope {
  return (knownScopes as readonly string[]).includes(scope);
}

type ScopeKey = { [S in KnownScope]: S extends `${infer Area}:${infer Access}` ? `${Area}_${Access}` : never }[KnownScope];

/** "profile:read" -> "security.tokens.scope.profile_read" (i18next reads ":" as a namespace). */
export function scopeWordsKey(scope: KnownScope) {
  return `security.tokens.scope.${scope.replace(':', '_') as ScopeKey}` as const;
}
