import { Input, View, Text } from '@tarojs/components';

/** A labelled text input for the admin forms. */
export default function FormField({ label, name, value, onChange, placeholder, type = 'text', maxlength = 60 }: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
}) {
  return (
    <View className={`form-field form-field--${name}`}>
      <Text className="muted">{label}</Text>
      <Input
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        style={{ margin: '8rpx 0 16rpx', padding: '12rpx', border: '2rpx solid #e5e5e5', borderRadius: '12rpx' }}
      />
    </View>
  );
}
