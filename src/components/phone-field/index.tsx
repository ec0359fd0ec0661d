import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { Field, type FieldFrame } from '../form-field';
import { a11y } from '../layout/a11y';
import './phone-field.scss';

/**
 * A phone asked in a form: typed, or (weapp) given by WeChat's phone-number button (手机号快速验证). The button
 * gives a one-time code, never the number: the form sends `code` and the server exchanges it and stores the
 * number as verified; a typed number is stored unverified. Typing stays as the fallback, and is the only way on H5.
 */
export interface PhoneValue {
  /** What was typed ('' while a code is chosen). */
  phone: string;
  /** The phone-number button's code, when the person chose their WeChat number. */
  code: string | null;
}
export const EMPTY_PHONE: PhoneValue = { phone: '', code: null };

/** The phone's part of an action's input: the code under `codeKey`, or the typed number under `phoneKey`. */
export function phoneInput<P extends string, C extends string>(
  value: PhoneValue,
  phoneKey: P,
  codeKey: C,
): Partial<Record<P, string> & Record<C, string>> {
  return (value.code ? { [codeKey]: value.code } : { [phoneKey]: value.phone.trim() }) as Partial<
    Record<P, string> & Record<C, string>
  >;
}

/** What the button's event carries (`e.detail`): the code, or why there is none. */
interface PhoneDetail {
  code?: string;
  errMsg?: string;
  errno?: number;
}

/** Where the button is offered: where WeChat gives numbers (weapp). A component test turns it on. */
export const phoneButton = { offered: (): boolean => process.env.TARO_ENV === 'weapp' };

export default function PhoneField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  className,
  placeholder = '11 位手机号',
  platform = phoneButton.offered(),
}: FieldFrame & {
  value: PhoneValue;
  onChange: (value: PhoneValue) => void;
  placeholder?: string;
  /** Whether to offer 「使用微信手机号」 (default: on weapp only). */
  platform?: boolean;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const fromWeChat = (detail: PhoneDetail | undefined) => {
    if (detail?.code) {
      setProblem(null);
      onChange({ phone: '', code: detail.code });
      return;
    }
    // The account's quota is used up (errno 1400001), or the person closed the sheet: typing still works.
    if (detail?.errno === 1400001) setProblem('微信手机号暂时不能用，请直接填写手机号');
    // 暂不同意 on the privacy sheet: WeChat answers `privacy permission is not authorized`.
    else if (/privacy/i.test(detail?.errMsg ?? ''))
      setProblem('需先同意隐私保护指引才能使用微信手机号，也可以直接填写手机号');
    else if (!/deny|cancel/i.test(detail?.errMsg ?? '')) setProblem('没能取到微信手机号，请直接填写手机号');
  };
  const shown = error ?? problem;
  if (value.code)
    return (
      <Field label={label} name={name} error={shown} hint={hint} required={required} className={className}>
        <View className="phone-field__chosen">
          <Text className="phone-field__chosen-text">已选用微信手机号，提交时由微信核验</Text>
          <Text className="phone-field__switch" {...a11y({ role: 'button' })} onClick={() => onChange(EMPTY_PHONE)}>
            改为手动填写
          </Text>
        </View>
      </Field>
    );
  return (
    <Field
      label={label}
      name={name}
      error={shown}
      hint={hint ?? (platform ? '可直接填写，或用微信绑定的手机号' : undefined)}
      required={required}
      className={className}
    >
      <Input
        className="form-field__input"
        name={name}
        value={value.phone}
        type="number"
        maxLength={11}
        placeholder={placeholder}
        aria-label={label}
        nativeProps={{ 'aria-label': label }}
        onChange={(v) => onChange({ phone: v, code: null })}
      />
      {platform ? (
        <Button
          className="phone-field__wechat"
          openType="getPhoneNumber"
          onGetPhoneNumber={(e) => fromWeChat(e.detail as PhoneDetail)}
        >
          使用微信手机号
        </Button>
      ) : null}
    </Field>
  );
}
