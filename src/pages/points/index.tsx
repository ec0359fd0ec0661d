import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import SignInPrompt from '../../components/sign-in-prompt';
import StateView from '../../components/state-view';
import { needsSignIn } from '../../services/session';
import { errorMessage } from '../../services/transport';
import { getMe, type Me } from '../../services/user';

/** How points are earned, in the words of the quantified scheme (灵川 量化智能积分考核). */
const EARNING = ['三会一课', '主题党日', '组织生活会', '志愿服务', '双报到双服务', '政策宣讲', '夜巡', '垃圾分类劝导'];

export default function PointsPage() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    getMe().then(setMe, (e: unknown) => setError(errorMessage(e)));
  };
  useDidShow(() => {
    if (!needsSignIn()) load();
  });

  if (needsSignIn()) return <SignInPrompt from="/pages/points/index" />;
  if (error) return <StateView kind="error" message={error} onAction={load} />;
  if (!me) return <StateView kind="loading" />;
  return (
    <View className="page">
      <View className="hero">
        <View className="hero__sub">我的积分</View>
        <View className="hero__title points-balance">{me.points.balance}</View>
        <View className="hero__sub">{me.branch ? me.branch.name : me.roleLabel}</View>
      </View>
      <View className="card">
        <View className="card__title">怎样获得积分</View>
        <Text className="muted">参加以下活动并在现场扫码签到，按积分细则自动记入台账：</Text>
        <View>
          {EARNING.map((e) => (
            <Text key={e} className="tag">
              {e}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
