import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { NAME_RULE, PHONE_RULE, isPhone, isRealName } from '../../../../../domain/org/labels';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import {
  applyToJoin,
  getJoinInfo,
  listMyApplications,
  type JoinInfo,
  type MyApplication,
} from '../../../../services/org';
import { newRequestId } from '../../../../services/points';
import { errorMessage } from '../../../../services/transport';
import '../../org.scss';
import { CODE, codeFromScan, inviteCodeProblem } from './code';

function Field({
  name,
  label,
  value,
  onInput,
  error,
  maxlength,
  type = 'text',
  placeholder,
}: {
  name: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error: string | null;
  maxlength: number;
  type?: 'text' | 'number';
  placeholder?: string;
}) {
  return (
    <View className={`join-field join-field--${name}`}>
      <Text className="muted">{label}</Text>
      <View className={`org-input ${error ? 'org-input--error' : ''}`}>
        <Input
          value={value}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
      </View>
      {error ? (
        <View className="join-field__error org-error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

function MyApplications({ items }: { items: MyApplication[] }) {
  if (items.length === 0) return null;
  return (
    <View className="card join-mine">
      <View className="card__title">我的申请</View>
      {items.map((a) => (
        <View key={a.applicationId} className={`join-mine__item join-mine__item--${a.status} org-row`}>
          <Text>{a.branchName}</Text>
          <Text className={`tag ${a.status === 'approved' ? '' : 'tag--grey'}`}>{a.statusLabel}</Text>
          {a.reason ? <View className="muted">原因：{a.reason}</View> : null}
        </View>
      ))}
    </View>
  );
}

/** 加入党支部: the invite code (typed, scanned, or from the QR's link), then real name and phone for the secretary. */
export default function JoinPage() {
  const router = useRouter();
  const [elder, setElder] = useElderMode();
  const [code, setCode] = useState(() => codeFromScan(router.params.code ?? ''));
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [form, setForm] = useState({ realName: '', phone: '' });
  const [touched, setTouched] = useState({ realName: false, phone: false });
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [mine, setMine] = useState<MyApplication[]>([]);
  // One request id per intention: the same details sent again reuse it, so a retry makes one application.
  const pending = useRef<{ key: string; requestId: string } | null>(null);

  const loadMine = () =>
    listMyApplications().then(
      (r) => setMine(r.items),
      () => undefined,
    );
  useEffect(() => {
    void loadMine();
  }, []);

  const lookUp = async (value: string) => {
    const normalized = codeFromScan(value);
    setCode(normalized);
    setInfo(null);
    const problem = inviteCodeProblem(normalized);
    if (problem) {
      setCodeError(problem);
      return;
    }
    setCodeError(null);
    setLooking(true);
    try {
      setInfo(await getJoinInfo(normalized));
    } catch (e) {
      setCodeError(errorMessage(e));
    } finally {
      setLooking(false);
    }
  };
  useEffect(() => {
    if (router.params.code) void lookUp(router.params.code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await lookUp(result);
    } catch {
      // The camera was closed.
    }
  };

  const errors = useMemo(() => {
    const name = form.realName.trim();
    const phone = form.phone.trim();
    return {
      realName: name.length === 0 ? '请填写真实姓名' : isRealName(name) ? null : NAME_RULE,
      phone: phone.length === 0 ? '请填写手机号' : isPhone(phone) ? null : PHONE_RULE,
    };
  }, [form]);
  const complete = !errors.realName && !errors.phone && info !== null;

  const submit = async () => {
    setTouched({ realName: true, phone: true });
    if (!complete || !info) return;
    const realName = form.realName.trim();
    const phone = form.phone.trim();
    const { confirm } = await Taro.showModal({
      title: '提交加入支部申请',
      content: `将以「${realName}」、手机 ${phone.slice(0, 3)}****${phone.slice(-4)} 申请加入「${info.branchName}」，由支部书记审核。`,
      confirmText: '提交',
    });
    if (!confirm) return;
    const key = `${code}|${realName}|${phone}`;
    if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
    setBusy(true);
    setSubmitError(null);
    try {
      const res = await applyToJoin({ code, realName, phone, requestId: pending.current.requestId });
      pending.current = null;
      void Taro.showModal({
        title: res.status === 'approved' ? '已加入' : '已提交',
        content:
          res.status === 'approved'
            ? `你已成为「${res.branchName}」党员。`
            : `申请已提交给「${res.branchName}」书记，审核后你的身份将变为党员。`,
        showCancel: false,
      });
      setForm({ realName: '', phone: '' });
      setTouched({ realName: false, phone: false });
      void loadMine();
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ElderPage elder={elder} className="join-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="card join-code">
        <View className="card__title">第一步：支部邀请码</View>
        <Text className="muted">输入或扫描党支部书记给你的 8 位邀请码</Text>
        <View className={`org-input ${codeError ? 'org-input--error' : ''}`}>
          <Input
            className="join-code__input org-code"
            value={code}
            maxlength={8}
            placeholder="8 位邀请码"
            onInput={(e) => {
              const typed = e.detail.value.toUpperCase();
              setCode(typed);
              setCodeError(null);
              // A whole code looks the branch up at once; a wrong one is told beside the field.
              if (CODE.test(typed)) void lookUp(typed);
            }}
            onBlur={() => {
              if (code && !info) setCodeError(inviteCodeProblem(code));
            }}
            onConfirm={() => void lookUp(code)}
          />
        </View>
        {codeError ? (
          <View className="join-code__error org-error" role="alert">
            {codeError}
          </View>
        ) : null}
        <Button
          className="join-code__check"
          block
          loading={looking}
          disabled={looking}
          onClick={() => void lookUp(code)}
        >
          查看支部
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block onClick={() => void scan()}>
            扫一扫邀请二维码
          </Button>
        ) : null}
        {info ? (
          <View className="join-code__branch org-row" role="status">
            <Text style={{ fontWeight: 600 }}>{info.branchName}</Text>
            <View className="muted">{info.county}</View>
          </View>
        ) : null}
      </View>
      {info ? (
        <View className="card join-form">
          <View className="card__title">第二步：本人信息</View>
          <Field
            name="realName"
            label="真实姓名"
            value={form.realName}
            maxlength={20}
            placeholder="与支部花名册一致"
            onInput={(v) => {
              setForm((f) => ({ ...f, realName: v }));
              setTouched((t) => ({ ...t, realName: true }));
            }}
            error={touched.realName ? errors.realName : null}
          />
          <Field
            name="phone"
            label="手机号"
            value={form.phone}
            maxlength={11}
            type="number"
            placeholder="11 位手机号"
            onInput={(v) => {
              setForm((f) => ({ ...f, phone: v }));
              setTouched((t) => ({ ...t, phone: true }));
            }}
            error={touched.phone ? errors.phone : null}
          />
          <Text className="muted">姓名和手机号加密保存，仅本支部书记和管理员审核时可见，手机号始终脱敏显示。</Text>
          <Button
            className="join-form__submit"
            type="primary"
            block
            loading={busy}
            disabled={busy}
            onClick={() => void submit()}
          >
            提交申请
          </Button>
          {submitError ? (
            <View className="join-form__error org-error" role="alert">
              {submitError}
            </View>
          ) : null}
        </View>
      ) : null}
      <MyApplications items={mine} />
    </ElderPage>
  );
}
