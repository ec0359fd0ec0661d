import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../../components/layout/a11y';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { useResource } from '../../../../components/resource';
import {
  approveConsoleLogin,
  checkConsoleTicket,
  ticketFromParams,
  type ConsoleTicketCheck,
} from '../../../../services/admin';
import { needsSignIn } from '../../../../services/session';
import { errorMessage } from '../../../../services/transport';
import { formatDateTime } from '../../../../utils/time';
import { ROUTES, routeUrl } from '../../../../routes';
import { withRole } from '../../../../../domain/core/labels';
import './index.scss';

const STATUS_MESSAGE: Record<Exclude<ConsoleTicketCheck['status'], 'waiting'>, string> = {
  used: '这个登录二维码已经确认过了。如需再次登录，请在电脑上刷新二维码后重新扫码',
  expired: '登录二维码已过期，请在电脑上刷新二维码后重新扫码',
  missing: '登录二维码不存在或已失效，请在电脑上刷新二维码后重新扫码',
};

function Approve({ ticketId, check }: { ticketId: string; check: ConsoleTicketCheck }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const who = withRole(check.as.roleLabel, check.as.nickname);

  if (check.status !== 'waiting') return <StateView kind="empty" message={STATUS_MESSAGE[check.status]} />;
  if (!check.canApprove) {
    return (
      <StateView
        kind="empty"
        message={`你当前的身份是「${check.as.roleLabel}」，没有管理后台的权限。如需使用，请联系管理员开通`}
      />
    );
  }
  if (done) {
    return (
      <View className="card console-approve__done" role="status">
        <View className="card__title">已确认</View>
        <View className="console-approve__done-text">{`电脑上的管理后台将以 ${who} 的身份登录，请回到电脑继续操作。`}</View>
        <Button block onClick={() => void Taro.redirectTo({ url: ROUTES.consoleSessions })}>
          查看我的管理后台登录
        </Button>
        <View className="console-approve__gap" />
        <Button block onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
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

  const asker = check.console;
  const hours = check.sessionHours ?? 8;
  return (
    <View className="card console-approve">
      <View className="card__title">确认登录管理后台</View>
      <View className="console-approve__what">{`将以 ${who} 的身份登录管理后台`}</View>
      {asker ? (
        <View className="console-approve__asker" {...a11y({ role: 'region', label: '请求登录的电脑' })}>
          <View className="console-approve__asker-title">请求登录的电脑</View>
          <View className="console-approve__asker-row">{`地址：${asker.address ?? '未知'}`}</View>
          <View className="console-approve__asker-row">{`浏览器：${asker.browser}`}</View>
          <View className="console-approve__asker-row">{`发起时间：${formatDateTime(asker.startedAt)}`}</View>
        </View>
      ) : null}
      <View className="muted console-approve__note">
        {`请确认这是你面前的电脑刚刚显示的二维码。如果是别人发给你的二维码，或地址、时间对不上，请点「取消」。确认后，这台电脑上的管理后台可以用你的权限查看和修改数据 ${hours} 小时，所有操作都会记入操作日志；你可以在「我的 → 管理后台登录」中随时让它退出。`}
      </View>
      <Button
        className="console-approve__submit"
        type="primary"
        block
        loading={busy}
        disabled={busy}
        onClick={() => void approve()}
      >
        确认登录
      </Button>
      <View className="console-approve__gap" />
      <Button
        block
        disabled={busy}
        onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.home }))}
      >
        取消
      </Button>
      {error ? (
        <View className="console-approve__error" role="alert">
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
  const check = useResource(() => checkConsoleTicket(ticketId ?? ''), [ticketId], {
    enabled: Boolean(ticketId) && !signInNeeded,
  });
  const from = routeUrl('consoleApprove', { ticket: ticketId ?? '' });

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
