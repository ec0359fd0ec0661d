import { View, Text } from '@tarojs/components';
import ResourceView, { useResource } from '../../components/resource';
import SignInPrompt from '../../components/sign-in-prompt';
import { needsSignIn } from '../../services/session';
import { getMe, type Me } from '../../services/user';

/** How points are earned, in the words of the quantified scheme (灵川 量化智能积分考核). */
const EARNING = ['三会一课', '主题党日', '组织生活会', '志愿服务', '双报到双服务', '政策宣讲', '夜巡', '垃圾分类劝导'];

function Points({ me }: { me: Me }) {
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

export default function PointsPage() {
  const signedOut = needsSignIn();
  const me = useResource(getMe, [], { enabled: !signedOut, reloadOnShow: true });
  if (signedOut) return <SignInPrompt from="/pages/points/index" />;
  return <ResourceView resource={me}>{(data) => <Points me={data} />}</ResourceView>;
}
