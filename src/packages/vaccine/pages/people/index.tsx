import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MOBILE, checkIdNumber } from '../../../../../domain/privacy/idnumber';
import ResourceView, { useResource } from '../../../../components/resource';
import { addPerson, listPersons, removePerson, type PersonItem } from '../../../../services/vaccine';
import { errorMessage } from '../../../../services/transport';
import { formatDate } from '../../../../utils/time';

/** Validation as the person types, with the same rules the server applies. */
function problems(form: { name: string; idNumber: string; phone: string }) {
  const id = form.idNumber.trim();
  const idCheck = id.length === 0 ? null : id.length < 18 ? { ok: false as const, message: `还差 ${18 - id.length} 位` } : checkIdNumber(id, formatDate(Date.now()));
  return {
    name: form.name.trim().length === 0 || form.name.trim().length >= 2 ? null : '姓名至少 2 个字',
    idNumber: idCheck && !idCheck.ok ? idCheck.message : null,
    phone: form.phone.length === 0 || MOBILE.test(form.phone) ? null : '请输入 11 位大陆手机号',
    complete: form.name.trim().length >= 2 && Boolean(idCheck?.ok) && MOBILE.test(form.phone),
  };
}

function AddForm({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState({ name: '', idNumber: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = useMemo(() => problems(form), [form]);
  const field = (key: keyof typeof form, label: string, props: { maxlength: number; type?: 'text' | 'number' | 'idcard' }) => (
    <View className={`person-field person-field--${key}`}>
      <Text className="muted">{label}</Text>
      <Input
        value={form[key]}
        maxlength={props.maxlength}
        type={props.type ?? 'text'}
        onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
        style={{ margin: '8rpx 0 16rpx', padding: '12rpx', border: '2rpx solid #e5e5e5', borderRadius: '12rpx' }}
      />
      {check[key] ? <Text className="person-field__error" style={{ color: '#c8161d' }}>{check[key]}</Text> : null}
    </View>
  );
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await addPerson(form);
      setForm({ name: '', idNumber: '', phone: '' });
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card add-person">
      <View className="card__title">添加接种人</View>
      {field('name', '姓名', { maxlength: 20 })}
      {field('idNumber', '身份证号', { maxlength: 18, type: 'idcard' })}
      {field('phone', '手机号', { maxlength: 11, type: 'number' })}
      <Text className="muted">身份证号加密保存，除本人外仅显示脱敏信息。</Text>
      <Button className="add-person__submit" type="primary" block loading={busy} disabled={busy || !check.complete} onClick={() => void submit()}>
        保存
      </Button>
      {error ? <View role="alert" style={{ color: '#c8161d' }}>{error}</View> : null}
    </View>
  );
}

function PersonRow({ person, onRemoved }: { person: PersonItem; onRemoved: () => void }) {
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除接种人', content: `删除「${person.name}」后，其未开始的接种预约将一并取消。`, confirmText: '删除' });
    if (!confirm) return;
    try {
      const res = await removePerson(person.personId);
      void Taro.showToast({ title: res.cancelled > 0 ? `已删除，取消了 ${res.cancelled} 个预约` : '已删除', icon: 'none' });
      onRemoved();
    } catch (e) {
      void Taro.showModal({ title: '未能删除', content: errorMessage(e), showCancel: false });
    }
  };
  return (
    <View className="person-row" style={{ padding: '16rpx 0', borderBottom: '1rpx solid #f0f0f0' }}>
      <Text className="person-row__name">{`${person.name}  ${person.age} 岁${person.elder ? ' · 可走绿色通道' : ''}`}</Text>
      <View className="muted">{`${person.masked.idNumber}  ${person.masked.phone}`}</View>
      <Text className="muted" style={{ color: '#c8161d' }} onClick={() => void remove()}>
        删除
      </Text>
    </View>
  );
}

export default function PeoplePage() {
  const people = useResource(listPersons, []);
  return (
    <View className="page people-page">
      <ResourceView resource={people}>
        {(p) => (
          <View className="card">
            <View className="card__title">我的接种人</View>
            {p.items.length === 0 ? <Text className="muted">还没有接种人，先添加本人或家人</Text> : null}
            {p.items.map((person) => (
              <PersonRow key={person.personId} person={person} onRemoved={people.reload} />
            ))}
          </View>
        )}
      </ResourceView>
      <AddForm onAdded={people.reload} />
    </View>
  );
}
