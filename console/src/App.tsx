/** Signed out: the scan sign-in (saying why, when the session ended). Signed in: the console shell as that person. */
import { useCallback, useEffect, useState } from 'react';
import { endConsoleSession, onSignedOut } from './api';
import { clearToken, getToken, setToken, type ConsoleSession } from './session';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

export function App() {
  const [token, setTokenState] = useState<string | null>(getToken);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(
    () =>
      onSignedOut((reason) => {
        setNotice(reason);
        setTokenState(null);
      }),
    [],
  );
  const signedIn = useCallback((next: string, session?: ConsoleSession | null) => {
    setToken(next, session);
    setNotice(null);
    setTokenState(next);
  }, []);
  const signOut = useCallback(() => {
    // The session ends on the server too, so the token is worth nothing even if it was copied.
    void endConsoleSession().finally(() => {
      clearToken();
      setNotice('已退出登录');
      setTokenState(null);
    });
  }, []);
  return token ? <Shell key={token} onSignOut={signOut} /> : <SignIn onSignedIn={signedIn} notice={notice} />;
}
