import { fieldFor } from './useFieldErrors';

const GENERATE = {
  from: 'range',
  to: 'range',
  'template.capacity': 'capacity',
  template: 'template',
  slotIds: 'date',
} as const;

test.each([
  ['template.capacity', 'capacity'],
  ['template.green.seats', 'template'],
  ['to', 'range'],
  ['slotIds.3', 'date'],
  ['requestId', null],
  [undefined, null],
] as const)('the server path %s lands on the form field %s', (path, field) => {
  expect(fieldFor(GENERATE, path)).toBe(field);
});
