import { Input } from '@nutui/nutui-react-taro';
import './index.scss';

import { Field, type FieldFrame } from './Field';

export { Field, FormError, TextField, type FieldFrame } from './Field';
export { useFieldErrors, fieldFor, type FieldErrors } from './useFieldErrors';

/** A labelled NutUI text input with a visible border and placeholder. */
export default function FormField({
  label,
  name,
  value,
  onChange,
  placeholder,
  type = 'text',
  maxlength = 60,
  error,
  hint,
  required,
  className,
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxlength?: number;
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint} required={required} className={className}>
      <Input
        className="form-field__input"
        name={name}
        value={value}
        type={type}
        maxLength={maxlength}
        placeholder={placeholder ?? `请输入${label}`}
        aria-label={label}
        // Taro's H5 input puts these on the native <input>, where a screen reader looks for its name.
        nativeProps={{ 'aria-label': label }}
        onChange={(v) => onChange(v)}
      />
    </Field>
  );
}
