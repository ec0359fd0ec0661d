/** Hash routes (`#/goods`): work on any static host and under any path, no server rewrite needed. */
import { useEffect, useState } from 'react';

export function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] || '';
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function go(route: string): void {
  window.location.hash = `#/${route}`;
}
