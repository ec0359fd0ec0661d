/** Signed out: the scan sign-in. Signed in: the console shell as that person. */
import { useCallback, useEffect, useState } from 'react';
import { onSignedOut } from './api';
import { clearToken, getToken, setToken } from './session';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

export function App() {
  const [token, setTokenState] = useState<string | null>(getToken);
  useEffect(() => onSignedOut(() => setTokenState(null)), []);
  const signedIn = useCallback((next: string) => {
    setToken(next);
    setTokenState(next);
  }, []);
  const signOut = useCallback(() => {
    clearToken();
    setTokenState(null);
  }, []);
  return token ? <Shell key={token} onSignOut={signOut} /> : <SignIn onSignedIn={signedIn} />;
}
