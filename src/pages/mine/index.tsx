import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import SignInPrompt from '../../components/sign-in-prompt';
import StateView from '../../components/state-view';
import { needsSignIn, signOut } from '../../services/session';
import { errorMessage } from '../../services/transport';
import { getMe, type Me } from '../../services/user';

export default function MinePage() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    getMe().then(setMe, (e: unknown) => setError(errorMessage(e)));
  };
  useDidShow(() => {
    if (!needsSignIn()) load();
  });

  if (needsSignIn()) return <SignInPrompt from="/pages/mine/index" />;
  if (error) return <StateView kind="error" message={error} onAction={load} />;
  if (!me) return <StateView kind="loading" />;
  return (
    <View className="page mine-page">
      <View className="hero">
        <View className="hero__title mine-nickname">{me.nickname}</View>
        <View className="hero__sub mine-role">{me.roleLabel}</View>
      </View>
      <View className="card">
        <Cell title="身份" description={me.roleLabel} />
        <Cell title="所在支部" description={me.branch?.name ?? '未加入党支部'} />
        <Cell title="积分余额" description={String(me.points.balance)} onClick={() => void Taro.switchTab({ url: '/pages/points/index' })} />
      </View>
      {process.env.TARO_ENV !== 'weapp' ? (
        <View className="card">
          <Button
            block
            onClick={() => {
              signOut();
              void Taro.reLaunch({ url: '/pages/login/index?from=%2Fpages%2Fmine%2Findex' });
            }}
          >
            切换演示账号
          </Button>
        </View>
      ) : null}
    </View>
  );
}
