/**
 * The stations module's door: what other modules, the functions and the hosts may use. Red stations and service centres: the directory, their bookable items, the service catalogue.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { list, detail, plainText, stationHours } from './directory';
export { ARTICLES, ARTICLE_TITLES, SERVICE_CATALOGUE, type ServiceCode } from './labels';
export {
  ITEMS,
  ITEM_KINDS,
  STATIONS,
  STATION_KINDS,
  geoPointSchema,
  itemDocSchema,
  sourceSchema,
  stationKindSchema,
  type Item,
  type Source,
  type StationDoc,
} from './model';
