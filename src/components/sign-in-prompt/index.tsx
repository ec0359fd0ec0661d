import Taro from '@tarojs/taro';
import StateView from '../state-view';
import { routeUrl } from '../../routes';

/** Shown on H5 before sign-in; `from` is where the sign-in page returns to. */
export default function SignInPrompt({ from }: { from: string }) {
  return (
    <StateView
      kind="empty"
      message="登录后即可查看"
      actionText="去登录"
      onAction={() => void Taro.navigateTo({ url: routeUrl('login', { from }) })}
    />
  );
}
