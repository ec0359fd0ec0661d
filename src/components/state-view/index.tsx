import Taro from '@tarojs/taro';
import { Button, Image, View, Text } from '@tarojs/components';
import { TAB_ROUTES } from '../../routes';
import { a11y } from '../layout/a11y';
import './index.scss';

/** An empty state's next step: a button that opens a page (a tab page by switchTab), or does `open` (outside the app). */
export type NextStep = { text: string; url: string } | { text: string; open: () => void };

interface Props {
  kind: 'loading' | 'empty' | 'error';
  message?: string;
  actionText?: string;
  onAction?: () => void;
  /** The next step as a page to open (used when there is no `onAction`). */
  action?: NextStep;
  /** An illustration for an empty state (an image URI, e.g. from src/artwork on subpackage pages); a small drawing otherwise. */
  picture?: string;
}

const DEFAULTS = { loading: '正在加载…', empty: '这里还没有内容', error: '加载失败' };

/** The small drawing of an empty state: an empty tray under a red flag (tiny: the main package carries it). */
const EMPTY_ART = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 96" fill="none" stroke-width="3"><circle cx="60" cy="52" r="40" fill="#fff1dc"/>' +
    '<path d="M26 60l10-20h48l10 20v22H26zm0 0h22a12 8 0 0024 0h22" fill="#fff" stroke="#f0b86e"/>' +
    '<path d="M74 40V14" stroke="#8c3b12"/><path d="M74 14h18l-5 6 5 6H74z" fill="#c8161d"/></svg>',
)}`;

export function openStep(url: string): void {
  const path = url.split('?')[0] ?? url;
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** The one way a page says "wait", "nothing here" (with a drawing and the next step) or "that failed, try again". */
export default function StateView({ kind, message, actionText, onAction, action, picture }: Props) {
  const tap = onAction ?? (action ? () => ('open' in action ? action.open() : openStep(action.url)) : undefined);
  return (
    <View className={`state-view state-view--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <View className="state-view__spinner" />}
      {kind === 'empty' && (
        <Image
          className="state-view__picture"
          src={picture ?? EMPTY_ART}
          mode="aspectFit"
          {...a11y({ hidden: true })}
        />
      )}
      <Text className="state-view__text">{message ?? DEFAULTS[kind]}</Text>
      {tap && (
        <Button
          className={`state-view__action ${action && !onAction ? 'state-view__action--step' : ''}`}
          size="mini"
          onClick={tap}
        >
          {onAction ? (actionText ?? '重试') : (action?.text ?? actionText)}
        </Button>
      )}
    </View>
  );
}
