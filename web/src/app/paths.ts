/** Every client path in one place; links are written as `paths.signup`, never as strings. */
export const paths = {
  home: '/',
  signup: '/signup',
  login: '/login',
  verifyEmail: '/verify-email',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  securitySettings: '/settings/security',
  adminUsers: '/admin/users',
  adminSettings: '/admin/settings',
  /** Today is the home page of a signed-in user. */
  today: '/',
  log: '/log',
  food: '/food',
  community: '/community',
  me: '/me',
} as const satisfies Record<string, `/${string}`>;

export type AppPath = (typeof paths)[keyof typeof paths];

export const adminPaths = { users: paths.adminUsers, settings: paths.adminSettings } as const;
