import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../../components/layout/a11y';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { useResource } from '../../../../components/resource';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import { listConsoleSessions, revokeConsoleSession, type ConsoleSessionItem } from '../../../../services/admin';
import { needsSignIn } from '../../../../services/session';
import { formatDateTime } from '../../../../utils/time';
import { ROUTES } from '../../../../routes';
import '../approve/index.scss';

function SessionCard({ item, onChanged }: { item: ConsoleSessionItem; onChanged: () => void }) {
  const where = `${item.browser}（${item.address ?? '地址未知'}）`;
  const [busy, revoke] = useConfirmedAction(
    {
      title: '退出管理后台登录',
      content: `让 ${where} 上的管理后台退出登录？那台电脑的下一次操作会被拒绝，需要重新扫码。`,
      confirmText: '退出登录',
      cancelText: '保留',
      done: '已退出',
    },
    () => revokeConsoleSession(item.sessionId),
    onChanged,
  );
  return (
    <View className="card console-session" {...a11y({ role: 'region', label: `管理后台登录：${where}` })}>
      <View className="card__title">{item.browser}</View>
      <View className="console-approve__asker-row">{`地址：${item.address ?? '未知'}`}</View>
      <View className="console-approve__asker-row">{`扫码登录：${formatDateTime(item.startedAt)}`}</View>
      <View className="console-approve__asker-row">{`有效至：${formatDateTime(item.expiresAt)}`}</View>
      <View className="console-approve__gap" />
      <Button className="console-session__revoke" block loading={busy} disabled={busy} onClick={() => void revoke()}>
        退出这台电脑的登录
      </Button>
    </View>
  );
}

/** 我的 → 管理后台登录: the computers where my scan signed the console in, still valid; each can be signed out here. */
export default function ConsoleSessionsPage() {
  const [elder] = useElderMode();
  const signInNeeded = needsSignIn();
  const sessions = useResource(() => listConsoleSessions(), [], { enabled: !signInNeeded });

  let body;
  if (signInNeeded) body = <SignInPrompt from={ROUTES.consoleSessions} />;
  else if (sessions.error) body = <StateView kind="error" message={sessions.error} onAction={sessions.reload} />;
  else if (!sessions.data) body = <StateView kind="loading" />;
  else if (sessions.data.items.length === 0)
    body = (
      <StateView
        kind="empty"
        message="现在没有电脑登录着你的管理后台。在电脑上打开管理后台并扫码即可登录，每次有效 8 小时。"
      />
    );
  else {
    body = (
      <>
        <View className="muted console-approve__note console-sessions__note">
          每次扫码登录有效 8 小时。不认识的电脑、或已经用完的电脑，请在这里退出。
        </View>
        {sessions.data.items.map((item) => (
          <SessionCard key={item.sessionId} item={item} onChanged={sessions.reload} />
        ))}
      </>
    );
  }
  return (
    <ElderPage elder={elder} className="console-sessions-page">
      {body}
    </ElderPage>
  );
}
