import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The `token` in the page's fragment (`/verify-email#token=…`): mail links carry it there
 * so it never reaches server logs or a Referer header. It is read once, and the fragment
 * is then removed from the address bar and history (history.replaceState via the router),
 * so it is not left behind in the browser history either.
 */
export function useHashToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => {
    const value = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
    return value && value.trim() !== '' ? value.trim() : null;
  });

  useEffect(() => {
    if (location.hash !== '') {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    }
    // Only once, on arrival: the token was read from the first location (useState above).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a later location is not a new arrival
  }, []);

  return token;
}
