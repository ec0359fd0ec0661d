/**
 * The slots module's door: what other modules, the functions and the hosts may use. Time slots of any bookable resource: the slot document, opening hours, generation from a weekly template.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { generateSlots, planSlots } from './generate';
export { describeOpeningHours, parseOpeningHours, type OpeningHours } from './hours';
export {
  MAX_QUEUE,
  SLOTS,
  SLOT_STATES,
  presentSlot,
  seatsLeft,
  slotDocSchema,
  slotState,
  templateSchema,
  type Slot,
  type Template,
} from './model';
export { dayWords, slotWhen, templateTime } from './when';
export { slotChip, type SlotState, type SlotView } from './labels';
