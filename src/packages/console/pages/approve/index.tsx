import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { useResource } from '../../../../components/resource';
import { approveConsoleLogin, checkConsoleTicket, ticketFromParams, type ConsoleTicketCheck } from '../../../../services/admin';
import { needsSignIn } from '../../../../services/session';
import { errorMessage } from '../../../../services/transport';

const STATUS_MESSAGE: Record<Exclude<ConsoleTicketCheck['status'], 'waiting'>, string> = {
  used: '这个登录二维码已经确认过了。如需再次登录，请在电脑上刷新二维码后重新扫码',
  expired: '登录二维码已过期，请在电脑上刷新二维码后重新扫码',
  missing: '登录二维码不存在或已失效，请在电脑上刷新二维码后重新扫码',
};

function Approve({ ticketId, check }: { ticketId: string; check: ConsoleTicketCheck }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const who = `${check.as.roleLabel} ${check.as.nickname}`;

  if (check.status !== 'waiting') return <StateView kind="empty" message={STATUS_MESSAGE[check.status]} />;
  if (!check.canApprove) {
    return <StateView kind="empty" message={`你当前的身份是「${check.as.roleLabel}」，没有管理后台的权限。如需使用，请联系管理员开通`} />;
  }
  if (done) {
    return (
      <View className="card console-approve__done" role="status">
        <View className="card__title">已确认</View>
        <Text>{`电脑上的管理后台将以 ${who} 的身份登录，请回到电脑继续操作。`}</Text>
        <Button block onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}>
          返回我的
        </Button>
      </View>
    );
  }

  const approve = async () => {
    setBusy(true);
    setError('');
    try {
      await approveConsoleLogin(ticketId);
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card console-approve">
      <View className="card__title">确认登录管理后台</View>
      <Text className="console-approve__what">{`将以 ${who} 的身份登录管理后台`}</Text>
      <Text className="muted">请确认是你本人在电脑上扫码。确认后，电脑上的管理后台可以用你的权限查看和修改数据，所有操作都会记入操作日志。</Text>
      <Button className="console-approve__submit" type="primary" block loading={busy} disabled={busy} onClick={() => void approve()}>
        确认登录
      </Button>
      <Button block disabled={busy} onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/index/index' }))}>
        取消
      </Button>
      {error ? (
        <View className="console-approve__error" role="alert" style={{ marginTop: '24rpx', color: '#c8161d' }}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** Opened by scanning the console's QR: names who the console will sign in as, and approves with one tap. */
export default function ConsoleApprovePage() {
  const params = useRouter().params;
  const ticketId = ticketFromParams(params);
  const [elder] = useElderMode();
  const signInNeeded = needsSignIn();
  const check = useResource(() => checkConsoleTicket(ticketId ?? ''), [ticketId], { enabled: Boolean(ticketId) && !signInNeeded });
  const from = `/packages/console/pages/approve/index?ticket=${ticketId ?? ''}`;

  let body;
  if (!ticketId) body = <StateView kind="empty" message={STATUS_MESSAGE.missing} />;
  else if (signInNeeded) body = <SignInPrompt from={from} />;
  else if (check.error) body = <StateView kind="error" message={check.error} onAction={check.reload} />;
  else if (!check.data) body = <StateView kind="loading" />;
  else body = <Approve ticketId={ticketId} check={check.data} />;

  return (
    <ElderPage elder={elder} className="console-approve-page">
      {body}
    </ElderPage>
  );
}
