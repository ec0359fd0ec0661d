import { z } from 'zod';
import { command, type Database, type Query } from '../db';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { pageByDistance } from '../core/geo';
import { pageById, type Page } from '../core/paging';
import { fields } from '../core/validation';
import { waitingPictures } from '../content';
import { pictureAddress } from '../files';
import { ARTICLE_TITLES, SERVICE_CATALOGUE } from './labels';
import { parseOpeningHours, type OpeningHours } from '../slots';
import {
  ITEMS,
  ITEM_KINDS,
  STATIONS,
  STATION_KINDS,
  geoPointSchema,
  itemDocSchema,
  sourceSchema,
  stationDocSchema,
  stationKindSchema,
  type Item,
  type Source,
  type Station,
} from './model';

export interface StationSummary {
  stationId: string;
  name: string;
  /** '' when no admin gave one. */
  nameEn: string;
  kind: Station['kind'];
  kindLabel: string;
  county: string;
  district: string;
  address: string;
  openHours: string;
  serviceCount: number;
  /** The first picture, or null: the app then draws the placeholder of the station's kind. */
  picture: string | null;
  /** The station itself is an illustration (「示例」). */
  illustrative: boolean;
  /** Items people can book online at this station; 「可预约」 shows only when there is one. */
  bookableCount: number;
  bookable: boolean;
}

/**
 * Text as a resident reads it: a bracketed provenance note (「（示例地址）」「（原文未列出名目，以下服务为示例）」) left
 * out. The seed carries none (domain/seed/provenance.test.ts walks it); this guards text an admin typed that way.
 * What is illustrative, and where it comes from, stays in `illustrative`, `source` and `illustrativeNote` for the
 * desk console; the demo is marked once, elsewhere.
 */
export const plainText = (text: string): string =>
  text
    .replace(/[（(][^（）()]*(?:示例|原文)[^（）()]*[）)]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();

const summary = (s: Station, bookableCount = 0): StationSummary => ({
  stationId: s._id,
  name: plainText(s.name),
  nameEn: s.nameEn,
  kind: s.kind,
  kindLabel: STATION_KINDS[s.kind],
  county: s.county,
  district: s.district,
  address: plainText(s.address),
  openHours: plainText(s.openHours),
  serviceCount: s.services.length,
  picture: s.pictures[0] ? pictureAddress(s.pictures[0]) : null,
  illustrative: s.illustrative,
  bookableCount,
  bookable: bookableCount > 0,
});

/** Provenance an item may carry (seeded ones do); read beside `itemDocSchema`, which does not know it. */
const itemProvenanceSchema = z.object({
  source: sourceSchema.nullable().catch(null).default(null),
  illustrative: z.boolean().catch(false).default(false),
  illustrativeNote: z.string().catch('').default(''),
});

/** The active items of some stations, read in one query. */
async function activeItems(
  db: Database,
  stationIds: string[],
): Promise<{ item: Item; provenance: z.output<typeof itemProvenanceSchema> }[]> {
  if (stationIds.length === 0) return [];
  const query =
    stationIds.length === 1
      ? { stationId: stationIds[0]!, active: true }
      : { stationId: command.in(stationIds), active: true };
  return (await db.collection(ITEMS).where(query).orderBy('_id', 'asc').limit(1000).get()).flatMap((d) => {
    const it = itemDocSchema.safeParse(d);
    return it.success ? [{ item: it.data, provenance: itemProvenanceSchema.parse(d) }] : [];
  });
}

async function withBookable<T extends StationSummary>(db: Database, page: Page<T>): Promise<Page<T>> {
  const counts = new Map<string, number>();
  for (const { item } of await activeItems(
    db,
    page.items.map((s) => s.stationId),
  ))
    counts.set(item.stationId, (counts.get(item.stationId) ?? 0) + 1);
  return {
    ...page,
    items: page.items.map((s) => ({
      ...s,
      bookableCount: counts.get(s.stationId) ?? 0,
      bookable: (counts.get(s.stationId) ?? 0) > 0,
    })),
  };
}

/** A station's name and parsed opening hours, or null when it has none that say when it opens. */
export async function stationHours(
  db: Database,
  stationId: string,
): Promise<{ name: string; hours: OpeningHours } | null> {
  const parsed = stationDocSchema.safeParse(await db.collection(STATIONS).doc(stationId).get());
  if (!parsed.success) return null;
  const hours = parseOpeningHours(parsed.data.openHours);
  return hours ? { name: parsed.data.name, hours } : null;
}

export const list = action({
  input: z.strictObject({
    kind: stationKindSchema.optional(),
    keyword: fields.keyword,
    cursor: fields.cursor,
    limit: fields.limit,
    near: geoPointSchema.optional(),
  }),
  access: 'public',
  async run({ kind, keyword, cursor, limit = 20, near }, ctx) {
    const parts: Query[] = [];
    if (kind) parts.push({ kind });
    if (keyword) {
      const match = command.contains(keyword);
      parts.push(command.or([{ name: match }, { district: match }, { address: match }]));
    }
    const query = parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : command.and(parts);
    const shownTo = (s: Station) => ({ ...summary(s), ...waitingPictures(ctx.user, s.heldPictures) });
    if (!near)
      return withBookable(
        ctx.db,
        await pageById(STATIONS, ctx.db.collection(STATIONS), query, { cursor, limit }, stationDocSchema, shownTo),
      );
    const places = (await ctx.db.collection(STATIONS).where(query).limit(1000).get()).flatMap((d) => {
      const st = stationDocSchema.safeParse(d);
      return st.success ? [{ item: shownTo(st.data), id: st.data._id, location: st.data.location }] : [];
    });
    return withBookable(ctx.db, pageByDistance(places, near, { cursor, limit }));
  },
});

/** A source as the app shows it: the article's headline beside the quote. */
export interface ShownSource extends Source {
  title: string;
}
const shown = (source: Source | null): ShownSource | null =>
  source ? { ...source, title: ARTICLE_TITLES[source.article] ?? source.article } : null;

export interface StationService {
  code: string;
  name: string;
  category: string;
  /** Bookable here: an active item of this station offers it (then `itemId` opens it). */
  bookable: boolean;
  itemId: string | null;
  /** The article saying this station offers it; null for a service shown as 「示例」. */
  source: ShownSource | null;
  illustrative: boolean;
}

export const detail = action({
  input: z.strictObject({ stationId: fields.id }),
  access: 'public',
  async run({ stationId }, ctx) {
    const parsed = stationDocSchema.safeParse(await ctx.db.collection(STATIONS).doc(stationId).get());
    if (!parsed.success) throw notFound('驿站');
    const station = parsed.data;
    const catalogue = new Map(SERVICE_CATALOGUE.map((s) => [s.code, s]));
    const active = await activeItems(ctx.db, [stationId]);
    const items = active.map(({ item, provenance }) => ({
      itemId: item._id,
      name: plainText(item.name),
      kind: item.kind,
      kindLabel: ITEM_KINDS[item.kind],
      description: plainText(item.description),
      serviceCode: item.serviceCode,
      source: shown(provenance.source),
      illustrative: provenance.illustrative,
      illustrativeNote: provenance.illustrativeNote,
    }));
    // A seeded station says where each of its services comes from; one an admin added claims none.
    const seeded = station.source !== null || station.illustrative;
    const services: StationService[] = station.services.flatMap((code) => {
      const kind = catalogue.get(code);
      if (!kind) return [];
      const item = items.find((i) => i.serviceCode === code) ?? null;
      const source = shown(station.serviceSources[code] ?? null);
      return [
        {
          code,
          name: kind.name,
          category: kind.category,
          bookable: item !== null,
          itemId: item?.itemId ?? null,
          source,
          illustrative: seeded && source === null,
        },
      ];
    });
    return {
      items,
      station: {
        ...summary(station, items.length),
        ...waitingPictures(ctx.user, station.heldPictures),
        phone: station.phone,
        intro: plainText(station.intro),
        location: station.location ?? null,
        pictures: station.pictures.map(pictureAddress),
        services,
        source: shown(station.source),
        illustrativeNote: station.illustrativeNote,
      },
    };
  },
});
