import './index.scss';

export { DateField, DateRangeField, DateTimeField, TimeField, type PickerFieldProps } from './DateTimeField';
export { MemberPicker } from './MemberPicker';
export { SearchPicker } from './SearchPicker';
export { StationItemPicker, type StationItemChoice } from './StationItemPicker';
export { addDays } from './dates';
