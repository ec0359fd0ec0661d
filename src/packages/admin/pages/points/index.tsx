import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import FormField from '../../../../components/form-field';
import QrCode from '../../../../components/qr-code';
import ResourceView, { useResource } from '../../../../components/resource';
import { awardPoints, exportLedger, listRules, newRequestId, publishActivity } from '../../../../services/points';
import { errorMessage, ServiceError } from '../../../../services/transport';
import { formatDate } from '../../../../utils/time';

type Status = { ok: boolean; text: string } | null;
const StatusLine = ({ status }: { status: Status }) =>
  status ? <View className={`admin-status admin-status--${status.ok ? 'ok' : 'error'}`} style={{ color: status.ok ? '#389e0d' : '#c8161d', marginTop: '12rpx' }}>{status.text}</View> : null;

function Award() {
  const [form, setForm] = useState({ openid: '', points: '', reason: '' });
  const [status, setStatus] = useState<Status>(null);
  const request = useRef<string | null>(null);
  const submit = async () => {
    request.current ??= newRequestId();
    try {
      const res = await awardPoints({ openid: form.openid.trim(), points: Number(form.points), reason: form.reason, requestId: request.current });
      request.current = null;
      setStatus({ ok: true, text: `已记入台账：${res.points > 0 ? '+' : ''}${res.points} 分，余额 ${res.balance}` });
    } catch (e) {
      if (!(e instanceof ServiceError && e.code === 'NETWORK')) request.current = null;
      setStatus({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <View className="card admin-award">
      <View className="card__title">奖励或更正积分</View>
      <FormField label="党员 openid" name="openid" value={form.openid} onChange={(openid) => setForm((f) => ({ ...f, openid }))} />
      <FormField label="积分（更正填负数）" name="points" value={form.points} onChange={(points) => setForm((f) => ({ ...f, points }))} />
      <FormField label="事由" name="reason" value={form.reason} onChange={(reason) => setForm((f) => ({ ...f, reason }))} maxlength={100} />
      <Button type="primary" block onClick={() => void submit()}>
        记入台账
      </Button>
      <StatusLine status={status} />
    </View>
  );
}

function Publish() {
  const rules = useResource(listRules, []);
  const today = formatDate(Date.now());
  const [form, setForm] = useState({ title: '', ruleId: '', place: '', start: `${today} 19:30`, end: `${today} 21:00` });
  const [status, setStatus] = useState<Status>(null);
  const [code, setCode] = useState<string | null>(null);
  const submit = async () => {
    try {
      const res = await publishActivity({ ...form, ruleId: form.ruleId || rules.data?.items[0]?.ruleId || '' });
      setCode(res.code);
      setStatus({ ok: true, text: `已发布，签到码 ${res.code}：在活动现场展示二维码` });
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <View className="card admin-publish">
      <View className="card__title">发布活动</View>
      <FormField label="活动名称" name="title" value={form.title} onChange={(title) => setForm((f) => ({ ...f, title }))} />
      <ResourceView resource={rules}>
        {(r) => (
          <View>
            {r.items.map((rule) => (
              <Text key={rule.ruleId} className={`tag ${(form.ruleId || r.items[0]?.ruleId) === rule.ruleId ? '' : 'tag--grey'}`} onClick={() => setForm((f) => ({ ...f, ruleId: rule.ruleId }))}>
                {`${rule.category} +${rule.points}`}
              </Text>
            ))}
          </View>
        )}
      </ResourceView>
      <FormField label="地点" name="place" value={form.place} onChange={(place) => setForm((f) => ({ ...f, place }))} maxlength={100} />
      <FormField label="开始（YYYY-MM-DD HH:mm）" name="start" value={form.start} onChange={(start) => setForm((f) => ({ ...f, start }))} maxlength={16} />
      <FormField label="结束（YYYY-MM-DD HH:mm）" name="end" value={form.end} onChange={(end) => setForm((f) => ({ ...f, end }))} maxlength={16} />
      <Button type="primary" block onClick={() => void submit()}>
        发布
      </Button>
      <StatusLine status={status} />
      {code ? <QrCode value={code} caption="党员扫码或输入签到码签到" /> : null}
    </View>
  );
}

function Export() {
  const [range, setRange] = useState({ from: formatDate(Date.now() - 30 * 86_400_000), to: formatDate(Date.now()) });
  const [status, setStatus] = useState<Status>(null);
  const submit = async () => {
    try {
      const res = await exportLedger(range);
      if (process.env.TARO_ENV === 'weapp') {
        await Taro.setClipboardData({ data: res.csv });
        setStatus({ ok: true, text: `已生成 ${res.rows} 行，CSV 已复制到剪贴板` });
      } else {
        const url = URL.createObjectURL(new Blob([res.csv], { type: 'text/csv;charset=utf-8' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = res.filename;
        a.click();
        URL.revokeObjectURL(url);
        setStatus({ ok: true, text: `已导出 ${res.rows} 行：${res.filename}` });
      }
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <View className="card admin-export">
      <View className="card__title">导出积分台账（CSV）</View>
      <FormField label="开始日期" name="from" value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} maxlength={10} />
      <FormField label="结束日期" name="to" value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} maxlength={10} />
      <Button block onClick={() => void submit()}>
        导出
      </Button>
      <StatusLine status={status} />
    </View>
  );
}

export default function AdminPointsPage() {
  return (
    <View className="page admin-points">
      <Award />
      <Publish />
      <Export />
    </View>
  );
}
