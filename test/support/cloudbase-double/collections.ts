import { COLLECTIONS } from '../../../domain/collections';
import type { CloudBaseDouble } from './server';

/** Every collection the product uses, as `npm run cloud:setup` creates them on a real environment. */
export const PRODUCT_COLLECTIONS = Object.keys(COLLECTIONS);

export function createProductCollections(double: CloudBaseDouble): void {
  double.createCollections(PRODUCT_COLLECTIONS);
}
