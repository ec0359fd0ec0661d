import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MOBILE, checkIdNumber } from '../../../../../domain/privacy/labels';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import FormField, { FormError, useFieldErrors } from '../../../../components/form-field';
import PhoneField, { EMPTY_PHONE, phoneInput, type PhoneValue } from '../../../../components/phone-field';
import { useIntention } from '../../../../components/intention';
import ResourceView, { useResource } from '../../../../components/resource';
import { addPerson, listPersons, removePerson, type PersonItem } from '../../../../services/vaccine';
import { errorMessage, ServiceError } from '../../../../services/transport';
import { formatDate } from '../../../../utils/time';
import '../../vaccine-forms.scss';

/** Validation as the person types, with the same rules the server applies. */
function problems(form: { name: string; idNumber: string; phone: PhoneValue }) {
  const id = form.idNumber.trim();
  const idCheck =
    id.length === 0
      ? null
      : id.length < 18
        ? { ok: false as const, message: `还差 ${18 - id.length} 位` }
        : checkIdNumber(id, formatDate(Date.now()));
  return {
    name: form.name.trim().length === 0 || form.name.trim().length >= 2 ? null : '姓名至少 2 个字',
    idNumber: idCheck && !idCheck.ok ? idCheck.message : null,
    phone:
      form.phone.code || form.phone.phone.length === 0 || MOBILE.test(form.phone.phone)
        ? null
        : '请输入 11 位大陆手机号',
    // A WeChat number (a code) is checked by the server when it is exchanged.
    complete:
      form.name.trim().length >= 2 && Boolean(idCheck?.ok) && (!!form.phone.code || MOBILE.test(form.phone.phone)),
  };
}

const PERSON_FIELDS = { name: 'name', idNumber: 'idNumber', phone: 'phone', phoneCode: 'phone' } as const;
const LABELS = { name: '姓名', idNumber: '身份证号', phone: '手机号' } as const;

function AddForm({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState({ name: '', idNumber: '', phone: EMPTY_PHONE });
  const errors = useFieldErrors(PERSON_FIELDS);
  const intent = useIntention(form);
  const check = useMemo(() => problems(form), [form]);
  // After a tap on 保存, an empty field says so beside itself (not only a grey button).
  const [tried, setTried] = useState(false);
  const missing = (key: keyof typeof form) => {
    const v = form[key];
    const empty = typeof v === 'string' ? v.trim() === '' : !v.code && v.phone.trim() === '';
    return tried && empty ? `请填写${LABELS[key]}` : null;
  };
  const field = (
    key: 'name' | 'idNumber',
    props: { maxlength: number; type?: 'text' | 'number' | 'idcard'; placeholder: string },
  ) => (
    <FormField
      className={`person-field person-field--${key}`}
      label={LABELS[key]}
      name={key}
      value={form[key]}
      maxlength={props.maxlength}
      type={props.type ?? 'text'}
      placeholder={props.placeholder}
      onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
      error={check[key] ?? missing(key) ?? errors.errors[key]}
      required
    />
  );
  const submit = () => {
    errors.clear();
    setTried(true);
    if (!check.complete) return;
    const input = { name: form.name, idNumber: form.idNumber, ...phoneInput(form.phone, 'phone', 'phoneCode') };
    void intent.run(() => addPerson(input), {
      success: '已添加接种人',
      onSuccess: () => {
        setForm({ name: '', idNumber: '', phone: EMPTY_PHONE });
        setTried(false);
        onAdded();
      },
      onError: (e) => {
        // The server checks the ID number once more: its refusals belong beside that field.
        if (e instanceof ServiceError && !e.field && e.code === 'INVALID_ARGUMENT' && e.message.includes('身份证'))
          errors.set('idNumber', e.message);
        else errors.show(e);
        // A WeChat code is spent or expired once refused: the person taps the button again, or types.
        if (e instanceof ServiceError && e.field === 'phone') setForm((f) => ({ ...f, phone: EMPTY_PHONE }));
      },
    });
  };
  return (
    <View className="card add-person">
      <View className="card__title">添加接种人</View>
      {field('name', { maxlength: 20, placeholder: '与身份证一致' })}
      {field('idNumber', { maxlength: 18, type: 'idcard', placeholder: '18 位身份证号' })}
      <PhoneField
        className="person-field person-field--phone"
        label={LABELS.phone}
        name="phone"
        value={form.phone}
        onChange={(phone) => {
          errors.set('phone', null);
          setForm((f) => ({ ...f, phone }));
        }}
        // The server's word first: a refused WeChat code empties the field, which is not the problem to show.
        error={errors.errors.phone ?? check.phone ?? missing('phone')}
        required
      />
      <Text className="muted">身份证号加密保存，除本人外仅显示脱敏信息。</Text>
      <View className="form-actions">
        <Button
          className="add-person__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={submit}
        >
          保存
        </Button>
      </View>
      <FormError message={errors.formError} />
    </View>
  );
}

function PersonRow({ person, onRemoved }: { person: PersonItem; onRemoved: () => void }) {
  const intent = useIntention(person.personId);
  const remove = () =>
    void intent.run(() => removePerson(person.personId), {
      confirm: {
        title: '删除接种人',
        content: `删除「${person.name}」后，其未开始的接种预约将一并取消。`,
        confirmText: '删除',
      },
      success: (res) => (res.cancelled > 0 ? `已删除，取消了 ${res.cancelled} 个预约` : '已删除'),
      onSuccess: onRemoved,
      onError: (e) => void Taro.showModal({ title: '未能删除', content: errorMessage(e), showCancel: false }),
    });
  return (
    <View className="person-row">
      <Text className="person-row__name">{`${person.name}  ${person.age} 岁${person.elder ? ' · 可走绿色通道' : ''}`}</Text>
      <View className="muted">{`${person.masked.idNumber}  ${person.masked.phone}`}</View>
      <View className="person-row__remove" role="button" aria-disabled={intent.busy} onClick={remove}>
        删除
      </View>
    </View>
  );
}

export default function PeoplePage() {
  const people = useResource(listPersons, []);
  const [elder] = useElderMode();
  return (
    <ElderPage elder={elder} className="people-page">
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
    </ElderPage>
  );
}
