import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import FormField, { Field, FormError, useFieldErrors } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import { a11y } from '../../../../components/layout/a11y';
import { MemberPicker } from '../../../../components/pickers';
import ResourceView, { useResource } from '../../../../components/resource';
import type { MemberMatch } from '../../../../services/members';
import {
  cancelRequest,
  claimRequest,
  confirmRequest,
  releaseClaim,
  withdrawClaim,
  dispatchRequest,
  finishRequest,
  getRequest,
  reportProgress,
  reviewRequest,
  sendBackRequest,
  type RequestDetail,
} from '../../../../services/requests';
import { errorMessage } from '../../../../services/transport';
import { formatTime } from '../../../../utils/time';
import {
  Gallery,
  InfoRow,
  PhotoField,
  Stars,
  StatusTag,
  TextAreaField,
  Timeline,
  requestFacts,
  type Photo,
} from '../../components';
import '../../help.scss';

const refused = (title: string) => (e: unknown) =>
  void Taro.showModal({ title, content: errorMessage(e), showCancel: false });

function NumberChips({
  label,
  name,
  values,
  value,
  onChange,
  unit,
  hint,
}: {
  label: string;
  name: string;
  values: number[];
  value: number;
  onChange: (n: number) => void;
  unit: string;
  hint?: string;
}) {
  return (
    <Field label={label} name={name} hint={hint}>
      <View className="help-chips">
        {values.map((n) => (
          <Text
            key={n}
            className={`help-chip help-chip--${name}-${n} ${n === value ? 'help-chip--on' : ''}`}
            {...a11y({ role: 'button', pressed: n === value, label: `${n} ${unit}` })}
            onClick={() => onChange(n)}
          >
            {`${n}`}
          </Text>
        ))}
      </View>
    </Field>
  );
}

/** The secretary: accept or decline (with a reason the resident sees). */
function ReviewPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const accept = useIntention(['accept', r.id]);
  const decline = useIntention(['decline', r.id, reason]);
  const doDecline = () => {
    if (!reason.trim()) {
      setError('请填写不受理的原因，群众会看到');
      return;
    }
    void decline.run(() => reviewRequest(r.id, 'decline', reason.trim()), {
      confirm: {
        title: '不受理',
        content: `将告知群众${requestFacts(r)}不予受理：${reason.trim()}。此操作不能撤回。`,
        confirmText: '不受理',
      },
      success: '已处理',
      onSuccess: () => {
        setReason('');
        setDeclining(false);
        onDone();
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };
  return (
    <View className="card help-review">
      <View className="card__title">受理</View>
      <View className="muted">受理后派单：指派一名党员，或发布到任务大厅由党员和志愿者认领。</View>
      {declining ? (
        <FormField
          label="不受理的原因"
          name="reason"
          value={reason}
          onChange={(v) => {
            setReason(v);
            setError(null);
          }}
          maxlength={100}
          placeholder="如：不属于本社区，请向所在社区点单"
          error={error}
          required
        />
      ) : null}
      {!declining ? <FormError message={error} /> : null}
      <View className="help-split">
        <View className="help-split__item">
          <Button
            className="help-review__accept"
            type="primary"
            block
            loading={accept.busy}
            disabled={accept.busy || decline.busy}
            onClick={() =>
              void accept.run(() => reviewRequest(r.id, 'accept'), {
                confirm: {
                  title: '受理',
                  content: `受理${requestFacts(r)}后请尽快派单；群众会收到「已受理」的消息。`,
                  confirmText: '受理',
                },
                success: '已受理，请派单',
                onSuccess: onDone,
                onError: (e) => setError(errorMessage(e)),
              })
            }
          >
            受理
          </Button>
        </View>
        <View className="help-split__item">
          <Button
            className="help-review__decline"
            block
            loading={decline.busy}
            disabled={accept.busy || decline.busy}
            onClick={() => (declining ? doDecline() : setDeclining(true))}
          >
            {declining ? '确认不受理' : '不受理'}
          </Button>
        </View>
      </View>
    </View>
  );
}

/** The secretary: assign one member, or publish to the 任务大厅 with its places and the hours it counts for. */
function DispatchPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const [mode, setMode] = useState<'hall' | 'assign'>('hall');
  const [places, setPlaces] = useState(1);
  const [hours, setHours] = useState(2);
  const [member, setMember] = useState<MemberMatch | null>(null);
  const errors = useFieldErrors({ openid: 'openid', places: 'places', hours: 'hours' } as const);
  const intent = useIntention([r.id, mode, places, hours, member?.openid]);
  const wish = r.kind === 'wish';
  const send = () => {
    errors.clear();
    if (mode === 'assign' && !member) {
      errors.set('openid', '请选择要指派的党员');
      return;
    }
    const who = member ? member.realName || member.nickname : '';
    void intent.run(
      () =>
        mode === 'assign'
          ? dispatchRequest({ id: r.id, mode: 'assign', openid: member!.openid, hours })
          : dispatchRequest({ id: r.id, mode: 'hall', places: wish ? 1 : places, hours }),
      {
        confirm:
          mode === 'assign'
            ? {
                title: '指派党员',
                content: `将${requestFacts(r)}指派给${who}，TA 会收到消息并可看到群众的联系方式。`,
                confirmText: '指派',
              }
            : {
                title: '发布到任务大厅',
                content: `${requestFacts(r)}将发布到任务大厅，${wish ? '由 1 人' : `最多 ${places} 人`}认领；完成并经群众确认后，党员按「志愿服务」规则得积分，志愿者记 ${hours} 小时时间银行。`,
                confirmText: '发布',
              },
        success: mode === 'assign' ? '已指派' : '已发布到任务大厅',
        onSuccess: onDone,
        onError: errors.show,
      },
    );
  };
  return (
    <View className="card help-dispatch">
      <View className="card__title">派单</View>
      <View className="help-kind">
        {(['hall', 'assign'] as const).map((m) => (
          <View
            key={m}
            className={`help-kind__item help-dispatch__mode--${m} ${mode === m ? 'help-kind__item--on' : ''}`}
            {...a11y({ role: 'button', pressed: mode === m, label: m === 'hall' ? '发布到任务大厅' : '指派党员' })}
            onClick={() => setMode(m)}
          >
            <Text className="help-kind__name">{m === 'hall' ? '任务大厅' : '指派党员'}</Text>
            <Text className="help-kind__desc">{m === 'hall' ? '党员和志愿者认领' : '直接派给一名党员'}</Text>
          </View>
        ))}
      </View>
      {mode === 'assign' ? (
        <MemberPicker label="指派给" value={member} onChange={setMember} error={errors.errors.openid} required />
      ) : null}
      {mode === 'hall' && !wish ? (
        <NumberChips
          label="需要人数"
          name="places"
          values={[1, 2, 3, 4, 5, 6, 8, 10]}
          value={places}
          onChange={setPlaces}
          unit="人"
        />
      ) : null}
      {mode === 'hall' && wish ? <View className="muted">微心愿只由 1 人认领。</View> : null}
      <NumberChips
        label="计入时间银行（小时）"
        name="hours"
        values={[1, 2, 3, 4, 5, 6, 7, 8]}
        value={hours}
        onChange={setHours}
        unit="小时"
        hint="志愿者完成并经确认后记入；党员按积分规则得分"
      />
      <View className="form-actions">
        <Button
          className="help-dispatch__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={send}
        >
          {mode === 'assign' ? '指派' : '发布到任务大厅'}
        </Button>
      </View>
      <FormError message={errors.formError ?? errors.errors.places ?? errors.errors.hours ?? null} />
    </View>
  );
}

function ClaimPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const intent = useIntention(['claim', r.id]);
  return (
    <View className="card help-claim">
      <View className="muted">
        {r.kind === 'wish' ? '微心愿只能由 1 人认领。' : `共 ${r.places} 个名额，已认领 ${r.taken} 个。`}
        认领后可看到群众的联系方式，请尽快联系。
      </View>
      <View className="form-actions">
        <Button
          className="help-claim__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={() =>
            void intent.run(() => claimRequest(r.id), {
              confirm: {
                title: '认领',
                content: `认领${requestFacts(r)}后请尽快联系群众办理，完成时上传照片。`,
                confirmText: '认领',
              },
              success: '已认领',
              onSuccess: onDone,
              onError: refused('未能认领'),
            })
          }
        >
          我来认领
        </Button>
      </View>
    </View>
  );
}

/** A claimant: report progress, or finish with at least one photo. */
function WorkPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const errors = useFieldErrors({ text: 'text', photos: 'photos' } as const);
  const progress = useIntention(['progress', r.id, text, photos]);
  const finish = useIntention(['finish', r.id, text, photos]);
  const reset = () => {
    setText('');
    setPhotos([]);
    onDone();
  };
  const go = (kind: 'progress' | 'finish') => {
    errors.clear();
    if (text.trim().length < 2) return errors.set('text', kind === 'finish' ? '请写一句办理结果' : '请写一句进展');
    if (kind === 'finish' && photos.length === 0) return errors.set('photos', '完成时请至少上传 1 张照片');
    const ids = photos.map((p) => p.fileId);
    if (kind === 'progress') {
      void progress.run(() => reportProgress(r.id, text.trim(), ids.length ? ids : undefined), {
        success: '进展已告知群众',
        onSuccess: reset,
        onError: errors.show,
      });
    } else {
      void finish.run(() => finishRequest(r.id, text.trim(), ids), {
        confirm: {
          title: '办结',
          content: `提交后由群众确认${requestFacts(r)}是否办好，确认后计入积分或时间银行。`,
          confirmText: '提交办结',
        },
        success: '已提交，等待群众确认',
        onSuccess: reset,
        onError: errors.show,
      });
    }
  };
  return (
    <View className="card help-work">
      <View className="card__title">办理</View>
      <TextAreaField
        label="进展或结果"
        name="text"
        value={text}
        onChange={setText}
        maxlength={300}
        placeholder="如：已上门了解情况，周六送到"
        error={errors.errors.text}
        required
      />
      <PhotoField
        label="照片"
        name="work-photos"
        value={photos}
        onChange={setPhotos}
        error={errors.errors.photos}
        hint="办结时至少 1 张"
      />
      <View className="help-split">
        <View className="help-split__item">
          <Button
            className="help-work__progress"
            block
            loading={progress.busy}
            disabled={progress.busy || finish.busy}
            onClick={() => go('progress')}
          >
            报告进展
          </Button>
        </View>
        <View className="help-split__item">
          <Button
            className="help-work__finish"
            type="primary"
            block
            loading={finish.busy}
            disabled={progress.busy || finish.busy}
            onClick={() => go('finish')}
          >
            办结
          </Button>
        </View>
      </View>
      <FormError message={errors.formError} />
    </View>
  );
}

/** The resident: confirm with 1–5 stars and a comment, or send it back with a reason. */
function ConfirmPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [back, setBack] = useState(false);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors({ rating: 'rating', comment: 'comment', reason: 'reason' } as const);
  const confirm = useIntention(['confirm', r.id, rating, comment]);
  const sendBack = useIntention(['sendBack', r.id, reason]);
  const doConfirm = () => {
    errors.clear();
    if (!rating) return errors.set('rating', '请为这次服务打分');
    void confirm.run(() => confirmRequest(r.id, rating, comment.trim() || undefined), {
      confirm: {
        title: '确认办结',
        content: `确认${requestFacts(r)}已办好，评价 ${rating} 星。确认后办理人的这次服务会被记录，不能撤回。`,
        confirmText: '确认办结',
      },
      success: '已确认办结，感谢评价',
      onSuccess: () => {
        setComment('');
        setRating(0);
        onDone();
      },
      onError: errors.show,
    });
  };
  const doBack = () => {
    errors.clear();
    if (!reason.trim()) return errors.set('reason', '请写明哪里没办好，办理人会看到');
    void sendBack.run(() => sendBackRequest(r.id, reason.trim()), {
      confirm: {
        title: '退回',
        content: `将${requestFacts(r)}退回给办理人继续办理，原因：${reason.trim()}`,
        confirmText: '退回',
      },
      success: '已退回',
      onSuccess: () => {
        setReason('');
        setBack(false);
        onDone();
      },
      onError: errors.show,
    });
  };
  return (
    <View className="card help-confirm">
      <View className="card__title">办得怎么样？</View>
      <Field label="评价" name="rating" error={errors.errors.rating} required>
        <Stars value={rating} onChange={setRating} />
      </Field>
      <TextAreaField
        label="留言"
        name="comment"
        value={comment}
        onChange={setComment}
        maxlength={200}
        placeholder="说说感受（选填）"
        error={errors.errors.comment}
      />
      <View className="form-actions">
        <Button
          className="help-confirm__submit"
          type="primary"
          block
          loading={confirm.busy}
          disabled={confirm.busy || sendBack.busy}
          onClick={doConfirm}
        >
          确认办结
        </Button>
      </View>
      {back ? (
        <FormField
          label="退回原因"
          name="reason"
          value={reason}
          onChange={setReason}
          maxlength={100}
          placeholder="如：灯还是不亮"
          error={errors.errors.reason}
          required
        />
      ) : null}
      <View className="form-actions">
        <Button
          className="help-confirm__back"
          block
          loading={sendBack.busy}
          disabled={confirm.busy || sendBack.busy}
          onClick={() => (back ? doBack() : setBack(true))}
        >
          {back ? '确认退回' : '没办好，退回'}
        </Button>
      </View>
      <FormError message={errors.formError} />
    </View>
  );
}

/** A claimant gives the task up before finishing it: the place goes back to the hall (an assignment to the branch). */
function ReleaseButton({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const intent = useIntention(['release', r.id]);
  return (
    <View className="card">
      <Button
        className="help-release"
        block
        loading={intent.busy}
        disabled={intent.busy}
        onClick={() =>
          void intent.run(() => releaseClaim(r.id), {
            confirm: {
              title: '放弃认领',
              content: `放弃${requestFacts(r)}后，${r.mode === 'hall' ? '名额回到任务大厅' : '任务退回支部重新派单'}，群众会收到通知。确定放弃吗？`,
              confirmText: '放弃认领',
            },
            success: '已放弃认领',
            onSuccess: onDone,
            onError: refused('未能放弃认领'),
          })
        }
      >
        放弃认领
      </Button>
    </View>
  );
}

/** The branch takes a claim back from one claimant (e.g. nobody contacted the resident), with a reason they hear. */
function WithdrawPanel({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const holders = r.claimants.filter((c): c is typeof c & { openid: string } => !!c.openid);
  const [who, setWho] = useState<string | null>(holders.length === 1 ? holders[0]!.openid : null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const intent = useIntention(['withdraw', r.id, who, reason]);
  if (holders.length === 0) return null;
  const chosen = holders.find((c) => c.openid === who);
  const send = () => {
    if (!chosen) return setError('请选择要收回认领的人');
    if (reason.trim().length < 2) return setError('请写明收回认领的理由');
    void intent.run(() => withdrawClaim(r.id, chosen.openid, reason.trim()), {
      confirm: {
        title: '收回认领',
        content: `收回${chosen.nickname}对${requestFacts(r)}的认领，理由「${reason.trim()}」会告诉对方；${r.mode === 'hall' ? '名额回到任务大厅' : '请之后重新派单'}。`,
        confirmText: '收回',
      },
      success: '已收回认领',
      onSuccess: () => {
        setReason('');
        onDone();
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };
  return (
    <View className="card help-withdraw">
      <View className="card__title">收回认领</View>
      <View className="help-chips">
        {holders.map((c) => (
          <Text
            key={c.openid}
            className={`help-chip help-chip--claimant ${c.openid === who ? 'help-chip--on' : ''}`}
            {...a11y({ role: 'button', pressed: c.openid === who, label: c.nickname })}
            onClick={() => {
              setWho(c.openid);
              setError(null);
            }}
          >
            {c.nickname}
          </Text>
        ))}
      </View>
      <FormField
        label="收回的理由"
        name="withdraw-reason"
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(null);
        }}
        maxlength={100}
        placeholder="如：三天未联系群众"
        error={error}
        required
      />
      <View className="form-actions">
        <Button className="help-withdraw__submit" block loading={intent.busy} disabled={intent.busy} onClick={send}>
          收回认领
        </Button>
      </View>
    </View>
  );
}

function CancelButton({ r, onDone }: { r: RequestDetail; onDone: () => void }) {
  const intent = useIntention(['cancel', r.id]);
  return (
    <View className="card">
      <Button
        className="help-cancel"
        block
        loading={intent.busy}
        disabled={intent.busy}
        onClick={() =>
          void intent.run(() => cancelRequest(r.id), {
            confirm: {
              title: '撤销点单',
              content: `撤销${requestFacts(r)}后支部将不再办理${r.taken > 0 ? '，正在办理的人会收到通知' : ''}，不能恢复。`,
              confirmText: '撤销',
              cancelText: '保留',
            },
            success: '已撤销',
            onSuccess: onDone,
            onError: refused('未能撤销'),
          })
        }
      >
        撤销点单
      </Button>
    </View>
  );
}

/** One request: what was asked, who handles it, what can be done next, and every step so far. */
export default function RequestDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [elder, setElder] = useElderMode();
  const detail = useResource(() => getRequest(id), [id]);
  usePullDownRefresh(() => {
    detail.reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <ElderPage elder={elder} className="help-detail-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={detail}>
        {({ request: r, timeline }) => (
          <View>
            <View className="card help-detail">
              <View className="card__title help-detail__title">{r.title}</View>
              <StatusTag status={r.status} label={r.statusLabel} overdue={r.overdue} />
              <Gallery urls={r.photos} />
              <Gallery urls={r.pendingPhotos} pending />
              <View className="help-text">{r.text}</View>
              <InfoRow label="类别" value={`${r.kindLabel} · ${r.category}`} />
              <InfoRow label="受理支部" value={r.unitName} />
              {r.place?.name ? <InfoRow label="地点" value={r.place.name} /> : null}
              <InfoRow className="help-detail__contact" label="联系人" value={`${r.contact.name} ${r.contact.phone}`} />
              {r.claimed && !r.contactShown ? (
                <View className="muted help-detail__contact-note">{`群众的联系方式只向本社区党员和「${r.unitName}」审核通过的志愿者显示，请联系该支部书记对接。`}</View>
              ) : null}
              <InfoRow label="提交时间" value={formatTime(r.createdAt)} />
              {r.dispatchShown && r.mode ? (
                <InfoRow
                  label="派单方式"
                  value={r.mode === 'hall' ? `任务大厅 · 已认领 ${r.taken}/${r.places}` : '指派党员'}
                />
              ) : null}
              {r.dispatchShown && r.hours ? <InfoRow label="时间银行" value={`${r.hours} 小时`} /> : null}
              {r.claimants.length ? (
                <InfoRow
                  className="help-detail__claimants"
                  label="办理人"
                  value={r.claimants.map((c) => c.nickname).join('、')}
                />
              ) : null}
              {r.reason ? (
                <InfoRow
                  className="help-detail__reason"
                  label={r.status === 'declined' ? '未受理原因' : '说明'}
                  value={r.reason}
                />
              ) : null}
              {r.rating ? (
                <InfoRow
                  className="help-detail__rating"
                  label="评价"
                  value={`${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)}${r.comment ? ` ${r.comment}` : ''}`}
                />
              ) : null}
            </View>
            {r.canReview ? <ReviewPanel r={r} onDone={detail.reload} /> : null}
            {r.canDispatch ? <DispatchPanel r={r} onDone={detail.reload} /> : null}
            {r.canClaim ? <ClaimPanel r={r} onDone={detail.reload} /> : null}
            {r.canFinish ? <WorkPanel r={r} onDone={detail.reload} /> : null}
            {r.canRelease ? <ReleaseButton r={r} onDone={detail.reload} /> : null}
            {r.canWithdraw ? <WithdrawPanel r={r} onDone={detail.reload} /> : null}
            {r.canConfirm ? <ConfirmPanel r={r} onDone={detail.reload} /> : null}
            {r.canCancel ? <CancelButton r={r} onDone={detail.reload} /> : null}
            <View className="card help-progress">
              <View className="card__title">办理进度</View>
              <Timeline steps={timeline} />
            </View>
          </View>
        )}
      </ResourceView>
    </ElderPage>
  );
}
