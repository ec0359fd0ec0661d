import type { ReactNode } from 'react';
import { View, Text, Input } from '@tarojs/components';
import './index.scss';

export interface FieldFrame {
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
export function Field({
  label,
  name,
  error,
  hint,
  required,
  className = '',
  children,
}: FieldFrame & { children: ReactNode }) {
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

/**
 * A labelled text input on Taro's own Input: the same frame without NutUI's, for the main package (the 积分 tab's
 * check-in), which must stay within its size budget.
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  placeholder,
  maxlength = 60,
  error,
  hint,
  required,
  className,
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint} required={required} className={className}>
      <Input
        className="form-field__native"
        name={name}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder ?? `请输入${label}`}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
