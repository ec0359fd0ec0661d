import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { devSignIn } from '../../services/session';
import { ElderPage } from '../../components/elder-mode';
import { ROUTES, TAB_ROUTES } from '../../routes';
import './index.scss';

/**
 * The six demo users seeded on the local cloud, each with their role in plain words and what to try as them.
 * This page exists for H5 on the local cloud only; in WeChat the platform identifies the caller, so the weapp
 * build leaves the list out (the condition is a constant there, and the bundler drops the literal).
 */
const DEMO_USERS: readonly { openid: string; label: string; who: string; text: string }[] =
  process.env.TARO_ENV === 'weapp'
    ? []
    : [
        {
          openid: 'demo-resident',
          label: '居民',
          who: '小李',
          text: '预约驿站服务和疫苗接种，向社区党支部点单、确认办结',
        },
        {
          openid: 'demo-member',
          label: '党员',
          who: '王建国',
          text: '活动签到赚积分、兑换物品，在任务大厅认领群众的心愿',
        },
        {
          openid: 'demo-secretary',
          label: '党支部书记',
          who: '向阳社区 刘红梅',
          text: '受理群众点单并派单，审核加入支部的申请和志愿者登记',
        },
        {
          openid: 'demo-staff',
          label: '驿站工作人员',
          who: '陈芳',
          text: '核销预约码和取货码，查看当天的预约和接种名单',
        },
        {
          openid: 'demo-county-admin',
          label: '县区管理员',
          who: '秀峰区 周敏',
          text: '管理本县区的支部、点单和志愿者，查看本县区的数据',
        },
        {
          openid: 'demo-admin',
          label: '系统管理员',
          who: '全系统',
          text: '发布活动和商品，管理驿站、接种点和全系统的数据',
        },
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
        <View key={u.openid} className={`card login-card login-card--${u.openid}`}>
          <View className="card__title">
            {u.label}
            <Text className="login-card__who">{u.who}</Text>
          </View>
          <Text className="muted">{`可以试试：${u.text}`}</Text>
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
