/**
 * The signed-in person's access for the pages (scope.ts says what it means): a context the shell fills once
 * `user.me` has answered, and the county a county admin is limited to.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Access } from './scope';
import { loadUnits } from './ui/pickers';

export { accessOf, placeFilter, type Access } from './scope';

export const AccessContext = createContext<Access | null>(null);

/** The signed-in person's access; the shell renders pages only once `user.me` has answered. */
export function useAccess(): Access {
  const access = useContext(AccessContext);
  if (!access) throw new Error('页面在读取当前登录人之前渲染');
  return access;
}

/**
 * The county a county admin is limited to (their scope unit's `county`, e.g. 桂林市秀峰区), read from the organisation
 * tree; `ready` once known. Anyone else: null at once.
 */
export function useScopeCounty(access: Access): { county: string | null; ready: boolean } {
  const unitId = access.countyAdmin ? access.me.scope.unitId : null;
  const [county, setCounty] = useState<{ unitId: string; county: string | null } | null>(null);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    loadUnits().then(
      (units) => live && setCounty({ unitId, county: units.find((u) => u.unitId === unitId)?.county ?? null }),
      () => live && setCounty({ unitId, county: null }),
    );
    return () => {
      live = false;
    };
  }, [unitId]);
  if (!unitId) return { county: null, ready: true };
  return county?.unitId === unitId ? { county: county.county, ready: true } : { county: null, ready: false };
}
