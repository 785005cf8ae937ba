/** Every client path in one place; links are written as `paths.signup`, never as strings. */
export const paths = {
  home: '/',
  signup: '/signup',
  login: '/login',
  today: '/today',
  log: '/log',
  food: '/food',
  community: '/community',
  me: '/me',
} as const satisfies Record<string, `/${string}`>;

export type AppPath = (typeof paths)[keyof typeof paths];
