import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import ResourceView, { useResource } from '../../components/resource';
import SignInPrompt from '../../components/sign-in-prompt';
import { needsSignIn, signOut } from '../../services/session';
import { getMe, type Me } from '../../services/user';

function Mine({ me }: { me: Me }) {
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
        <Cell title="我的兑换订单" onClick={() => void Taro.navigateTo({ url: '/packages/mall/pages/orders/index' })} />
        <Cell className="my-bookings-link" title="我的预约" onClick={() => void Taro.navigateTo({ url: '/packages/booking/pages/mine/index' })} />
        <Cell className="messages-link" title="消息" description="预约成功、候补成功、提醒" onClick={() => void Taro.navigateTo({ url: '/packages/booking/pages/messages/index' })} />
      </View>
      {me.role === 'staff' || me.role === 'admin' ? (
        <View className="card">
          <View className="card__title">驿站工作</View>
          <Cell className="staff-verify" title="核销与签到" description="兑换取货码、预约码" onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/verify/index' })} />
          <Cell className="staff-roster" title="预约名单" description="按项目和日期查看" onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/roster/index' })} />
          <Cell className="staff-vaccine-roster" title="接种名单" description="脱敏显示" onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/vaccine-roster/index' })} />
        </View>
      ) : null}
      {me.role === 'admin' ? (
        <View className="card">
          <View className="card__title">管理</View>
          <Cell className="admin-points-link" title="积分管理" description="奖励、发布活动、导出台账" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/points/index' })} />
          <Cell className="admin-slots-link" title="预约时段管理" description="按周模板生成、关闭日期" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/slots/index' })} />
        </View>
      ) : null}
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

export default function MinePage() {
  const signedOut = needsSignIn();
  const me = useResource(getMe, [], { enabled: !signedOut, reloadOnShow: true });
  if (signedOut) return <SignInPrompt from="/pages/mine/index" />;
  return <ResourceView resource={me}>{(data) => <Mine me={data} />}</ResourceView>;
}
