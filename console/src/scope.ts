/**
 * What the signed-in person may act on, read from `user.me` (plain functions; access.ts holds the React side). The
 * server decides (domain/org/scope.ts): the system admin everything; a county admin (an admin with a county unit as
 * scope) that county only; a branch secretary their branch; staff the stations and vaccination sites they are assigned
 * to, with no editing of them. The console mirrors it so a page shows only what the person may act on.
 */
import type { Me } from './api';

export interface Access {
  me: Me;
  /** An admin with no scope: every county, the audit log, goods without a pickup station. */
  systemAdmin: boolean;
  /** An admin limited to one county (`scope.unitId`, a county unit). */
  countyAdmin: boolean;
  secretary: boolean;
  staff: boolean;
  /** Creates and edits stations, items, sites, slot templates (admins; a county admin in their county). */
  editsPlaces: boolean;
}

export function accessOf(me: Me): Access {
  const admin = me.role === 'admin';
  return {
    me,
    systemAdmin: admin && !me.scope.unitId,
    countyAdmin: admin && Boolean(me.scope.unitId),
    secretary: me.role === 'secretary',
    staff: me.role === 'staff',
    editsPlaces: admin,
  };
}

/**
 * Which records of a list the person may act on, or null when every one (the system admin). `county` is the county
 * a county admin is limited to (the `county` of their scope unit), read from the organisation tree.
 */
export function placeFilter(
  access: Access,
  kind: 'station' | 'site',
  county: string | null,
): ((place: { id: string; county: string }) => boolean) | null {
  if (access.systemAdmin) return null;
  if (access.staff) {
    const ids = new Set(kind === 'station' ? access.me.scope.stationIds : access.me.scope.siteIds);
    return (place) => ids.has(place.id);
  }
  if (access.countyAdmin) return (place) => county !== null && place.county === county;
  return () => false;
}
