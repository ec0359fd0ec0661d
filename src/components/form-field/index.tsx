import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import './index.scss';

export { useFieldErrors, fieldFor, type FieldErrors } from './useFieldErrors';

interface FieldFrame {
  label: string;
  /** The field's name: its class `form-field--<name>` and where the server's errors for it land. */
  name: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  /** Extra classes on the field's wrapper. */
  className?: string;
}

/** A labelled field: label above, the control in a bordered box, then a hint or its error in plain Chinese. */
export function Field({ label, name, error, hint, required, className = '', children }: FieldFrame & { children: ReactNode }) {
  return (
    <View className={`form-field form-field--${name} ${error ? 'form-field--invalid' : ''} ${className}`}>
      <View className="form-field__label">
        <Text>{label}</Text>
        {required ? <Text className="form-field__required">（必填）</Text> : null}
      </View>
      <View className="form-field__control">{children}</View>
      {error ? (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      ) : hint ? (
        <View className="form-field__hint">{hint}</View>
      ) : null}
    </View>
  );
}

/** A message about the whole form (a refusal, or a field the form does not show), placed beside its button. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <View className="form-error" role="alert">
      {message}
    </View>
  ) : null;
}

/** A labelled NutUI text input with a visible border and placeholder. */
export default function FormField({ label, name, value, onChange, placeholder, type = 'text', maxlength = 60, error, hint, required, className }: FieldFrame & {
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
