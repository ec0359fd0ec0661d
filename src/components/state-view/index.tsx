import { Button, View, Text } from '@tarojs/components';
import './index.scss';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  message?: string;
  actionText?: string;
  onAction?: () => void;
}

const DEFAULTS = { loading: '正在加载…', empty: '这里还没有内容', error: '加载失败' };

/** The one way a page says "wait", "nothing here" or "that failed, try again". */
export default function StateView({ kind, message, actionText, onAction }: Props) {
  return (
    <View className={`state-view state-view--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <View className="state-view__spinner" />}
      <Text className="state-view__text">{message ?? DEFAULTS[kind]}</Text>
      {onAction && (
        <Button className="state-view__action" size="mini" onClick={onAction}>
          {actionText ?? '重试'}
        </Button>
      )}
    </View>
  );
}
