/**
 * The project's own artwork: a scene per station kind and for vaccination sites, a drawing per goods
 * category. Kept out of the weapp main package: import it from subpackage pages (src/packages/*) or the
 * components only they use, or lazily on H5 (src/components/picture/lazy-art.ts); artwork.test.ts checks it.
 */
export { placeArt, PLACE_ART_KINDS } from './places';
export { goodsArt, GOODS_ART_CATEGORIES } from './goods';
