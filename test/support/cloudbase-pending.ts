/**
 * Tests that the cloudbase-* jest projects do not run yet, each for the reason given: concurrency
 * storms on one hot document (goods stock, a slot's seats, green seats) fail under CloudBase's
 * first-writer-wins transactions until the hot spots are redesigned (issue 9, item 3).
 * The `hotspots` work empties this list; nothing else may be added to it.
 * Keys: test file relative to the repository root; values: exact test titles (without describe).
 */
export const CLOUDBASE_PENDING: Record<string, readonly string[]> = {
  'domain/points/points.test.ts': [
    '500 concurrent redemptions by 100 members for 50 units: exactly 50 sold, every invariant holds',
  ],
  'domain/booking/booking.test.ts': [
    '300 concurrent bookings by 300 people on a slot of 20: exactly 20, the rest SLOT_FULL',
  ],
  'domain/vaccine/vaccine.test.ts': [
    'a slot of 30 with 10 green seats, stormed by 200 under 60 and 50 over 60: at most 20 under 60, green only to elders',
  ],
};
