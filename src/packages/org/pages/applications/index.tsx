import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import ResourceView, { useResource } from '../../../../components/resource';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import {
  createInviteCode,
  listApplications,
  revokeInviteCode,
  reviewApplication,
  type ApplicationItem,
  type ApplicationStatus,
  type Invite,
} from '../../../../services/org';
import { errorMessage } from '../../../../services/transport';
import { getMe } from '../../../../services/user';
import '../../org.scss';

const TABS: { status: ApplicationStatus; label: string }[] = [
  { status: 'pending', label: '待审核' },
  { status: 'approved', label: '已通过' },
  { status: 'rejected', label: '未通过' },
];

function when(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function ApplicationRow({ item, onDone }: { item: ApplicationItem; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      setError('请填写不通过的原因，申请人会看到');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: decision === 'approve' ? '通过加入支部申请' : '不通过加入支部申请',
      content:
        decision === 'approve'
          ? `通过「${item.realName}」（手机 ${item.phoneMasked}，${when(item.createdAt)} 申请）加入「${item.branchName}」？通过后 TA 的身份变为党员。`
          : `「${item.realName}」（手机 ${item.phoneMasked}，${when(item.createdAt)} 申请）加入「${item.branchName}」的申请不通过，将告知 TA 原因：${reason.trim()}`,
      confirmText: decision === 'approve' ? '通过' : '不通过',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      await reviewApplication(item.applicationId, decision, decision === 'reject' ? reason.trim() : undefined);
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已处理', icon: 'none' });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`card application application--${item.status}`}>
      <View className="card__title application__name">{item.realName}</View>
      <View className="muted">
        手机 {item.phoneMasked} · {item.branchName}
      </View>
      <View className="muted">
        申请时间 {when(item.createdAt)}
        {item.matchedRoster ? ' · 与花名册一致，请核对后通过' : ''}
      </View>
      {item.reason ? <View className="muted">原因：{item.reason}</View> : null}
      {item.status === 'pending' ? (
        <View className="org-row">
          {rejecting ? (
            <View className="application__reason">
              <Text className="muted">不通过的原因</Text>
              <View className="org-input">
                <Input
                  value={reason}
                  maxlength={100}
                  placeholder="如：非本支部党员"
                  onInput={(e) => {
                    setReason(e.detail.value);
                    setError(null);
                  }}
                />
              </View>
            </View>
          ) : null}
          {error ? (
            <View className="application__error org-error" role="alert">
              {error}
            </View>
          ) : null}
          <View className="org-actions">
            <View className="org-actions__item">
              <Button
                className="application__approve"
                type="primary"
                block
                loading={busy}
                disabled={busy}
                onClick={() => void decide('approve')}
              >
                通过
              </Button>
            </View>
            <View className="org-actions__item">
              <Button
                className="application__reject"
                block
                disabled={busy}
                onClick={() => (rejecting ? void decide('reject') : setRejecting(true))}
              >
                {rejecting ? '确认不通过' : '不通过'}
              </Button>
            </View>
          </View>
        </View>
      ) : (
        <Text className={`tag ${item.status === 'approved' ? '' : 'tag--grey'}`}>{item.statusLabel}</Text>
      )}
    </View>
  );
}

function InviteCard({ branchId, branchName }: { branchId: string; branchName: string }) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async (renew: boolean) => {
    if (renew) {
      const { confirm } = await Taro.showModal({
        title: '更换邀请码',
        content: `将为「${branchName}」生成新的邀请码，旧码${invite ? ` ${invite.code}` : ''}（含已打印的二维码）立即停用。`,
        confirmText: '更换',
      });
      if (!confirm) return;
    }
    setBusy(true);
    setError(null);
    try {
      setInvite(await createInviteCode(branchId, renew));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    if (!invite) return;
    const { confirm } = await Taro.showModal({
      title: '停用邀请码',
      content: `停用后邀请码 ${invite.code} 和它的二维码不能再用于申请加入「${branchName}」（原有效期至 ${when(invite.expiresAt)}）；需要时可再生成新码。`,
      confirmText: '停用',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      await revokeInviteCode(invite.code);
      setInvite(null);
      void Taro.showToast({ title: '邀请码已停用', icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card invite">
      <View className="card__title">{branchName} 邀请码</View>
      <Text className="muted">党员扫码或输入邀请码，填写姓名和手机号后提交申请，由你审核。</Text>
      {invite ? (
        <View className="invite__code">
          <QrCode value={invite.code} caption={`有效期至 ${when(invite.expiresAt)}`} />
          <View className="invite__actions">
            <Button className="invite__renew" size="small" disabled={busy} onClick={() => void show(true)}>
              更换邀请码
            </Button>
            <Button className="invite__revoke" size="small" disabled={busy} onClick={() => void revoke()}>
              停用邀请码
            </Button>
          </View>
        </View>
      ) : (
        <Button className="invite__show" block loading={busy} disabled={busy} onClick={() => void show(false)}>
          显示邀请码
        </Button>
      )}
      {error ? (
        <View className="org-error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** 加入支部申请: a secretary (or an admin) reviews who asked to join, and shows the branch's invite code. */
export default function ApplicationsPage() {
  const [elder, setElder] = useElderMode();
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const me = useResource(getMe, []);
  const list = usePagedPage((cursor) => listApplications(status, cursor), [status]);
  // The secretary has the invite card above; an admin (a county's or the system's) has none here, only the console's.
  const nextStep = !me.data
    ? ''
    : me.data.role === 'secretary' && me.data.branch
      ? '点上方「显示邀请码」，请党员扫码或输入邀请码申请'
      : '党员用支部书记出示的邀请码申请；你也可以在电脑上的管理后台「组织架构」里为所辖支部生成邀请码';
  return (
    <ElderPage elder={elder} className="applications-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={me}>
        {(who) =>
          who.role === 'secretary' && who.branch ? (
            <InviteCard branchId={who.branch.branchId} branchName={who.branch.name} />
          ) : (
            <View />
          )
        }
      </ResourceView>
      <View className="status-tabs org-tabs">
        {TABS.map((t) => (
          <Text
            key={t.status}
            className={`applications-tab applications-tab--${t.status} org-tab ${t.status === status ? 'org-tab--active' : ''}`}
            onClick={() => setStatus(t.status)}
          >
            {t.label}
          </Text>
        ))}
      </View>
      <PagedList
        list={list}
        keyOf={(a) => a.applicationId}
        emptyText={
          status === 'pending'
            ? `暂无待审核的加入支部申请。${nextStep}`
            : status === 'approved'
              ? '还没有通过的申请。通过「待审核」里的申请后，会在这里看到'
              : '还没有未通过的申请'
        }
        renderItem={(a) => <ApplicationRow item={a} onDone={list.reload} />}
      />
    </ElderPage>
  );
}
