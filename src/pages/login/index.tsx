import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { devSignIn } from '../../services/session';
import { ElderPage } from '../../components/elder-mode';
import { ROUTES, TAB_ROUTES } from '../../routes';

/** The demo users seeded on the local cloud. This page exists for H5 on the local cloud only. */
const DEMO_USERS = [
  { openid: 'demo-resident', label: '居民', text: '预约驿站服务和疫苗接种' },
  { openid: 'demo-member', label: '党员', text: '参加活动赚积分，到商城兑换' },
  { openid: 'demo-staff', label: '驿站工作人员', text: '核销预约和兑换' },
  { openid: 'demo-admin', label: '管理员', text: '发布活动、商品、驿站和接种点' },
];

export default function LoginPage() {
  const { params } = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = decodeURIComponent(params.from ?? ROUTES.mine);

  const signIn = async (openid: string) => {
    setBusy(openid);
    setError(null);
    try {
      await devSignIn(openid);
      await Taro.reLaunch({ url: TAB_ROUTES.includes(from) ? from : ROUTES.mine });
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : '登录失败，请稍后重试');
      setBusy(null);
    }
  };

  return (
    <ElderPage className="login-page">
      <View className="hero">
        <View className="hero__title">选择演示账号</View>
        <View className="hero__sub">本地演示环境的开发登录；正式小程序使用微信身份</View>
      </View>
      {DEMO_USERS.map((u) => (
        <View key={u.openid} className="card">
          <View className="card__title">{u.label}</View>
          <Text className="muted">{u.text}</Text>
          <Button
            className={`login-as login-as--${u.openid}`}
            type="primary"
            block
            loading={busy === u.openid}
            disabled={busy !== null}
            onClick={() => void signIn(u.openid)}
          >
            {`以${u.label}身份登录`}
          </Button>
        </View>
      ))}
      {error ? (
        <View className="card" role="alert">
          <Text style={{ color: '#c8161d' }}>{error}</Text>
        </View>
      ) : null}
    </ElderPage>
  );
}
