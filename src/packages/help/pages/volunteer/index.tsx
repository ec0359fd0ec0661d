import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isPhone, isRealName, NAME_RULE, PHONE_RULE } from '../../../../../domain/org/labels';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import FormField, { FormError, useFieldErrors } from '../../../../components/form-field';
import PhoneField, { EMPTY_PHONE, phoneInput } from '../../../../components/phone-field';
import { useIntention } from '../../../../components/intention';
import PagedList, { usePagedList } from '../../../../components/paged-list';
import ResourceView, { useResource } from '../../../../components/resource';
import {
  getVolunteerMe,
  listTimeBank,
  registerVolunteer,
  type Community,
  type VolunteerMe,
} from '../../../../services/requests';
import { formatTime } from '../../../../utils/time';
import { ServiceError } from '../../../../services/transport';
import { CheckRow, CommunityPicker, go } from '../../components';
import { ROUTES } from '../../../../routes';
import '../../help.scss';

const FIELDS = {
  realName: 'realName',
  phone: 'phone',
  phoneCode: 'phone',
  workplace: 'workplace',
  inService: 'inService',
  unitId: 'unitId',
} as const;
const EMPTY = {
  realName: '',
  phone: EMPTY_PHONE,
  inService: false,
  workplace: '',
  community: null as Community | null,
};

/** Registering (or registering again after a refusal): names the community branch whose secretary vets it. */
function RegisterForm({ onDone, again }: { onDone: () => void; again?: boolean }) {
  const [form, setForm] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const server = useFieldErrors(FIELDS);
  const intent = useIntention(form);
  const check = useMemo(
    () => ({
      realName: !form.realName.trim() ? '请填写真实姓名' : isRealName(form.realName.trim()) ? undefined : NAME_RULE,
      // A WeChat number (a code) is checked by the server when it is exchanged.
      phone: form.phone.code
        ? undefined
        : !form.phone.phone.trim()
          ? '请填写手机号'
          : isPhone(form.phone.phone.trim())
            ? undefined
            : PHONE_RULE,
      workplace: form.inService && !form.workplace.trim() ? '在职党员请填写工作单位' : undefined,
      unitId: form.community ? undefined : '请选择所在社区的党支部',
    }),
    [form],
  );
  const errorOf = (k: keyof typeof check) => (tried ? check[k] : undefined) ?? server.errors[k];
  const submit = () => {
    setTried(true);
    server.clear();
    if (check.realName || check.phone || check.workplace || check.unitId || !form.community) return;
    const community = form.community;
    void intent.run(
      () =>
        registerVolunteer({
          realName: form.realName.trim(),
          ...phoneInput(form.phone, 'phone', 'phoneCode'),
          inService: form.inService,
          workplace: form.inService ? form.workplace.trim() : undefined,
          unitId: community.unitId,
        }),
      {
        confirm: {
          title: '登记为志愿者',
          content: `以「${form.realName.trim()}」登记为「${community.name}」的志愿者，由该支部书记审核；通过后可在任务大厅认领群众的微心愿和诉求，完成并经确认后记入时间银行。姓名和手机号加密保存。`,
          confirmText: '登记',
        },
        success: (r) => (r.status === 'approved' ? '登记信息已更新' : '已提交，等待支部审核'),
        onSuccess: () => {
          setForm(EMPTY);
          setTried(false);
          onDone();
        },
        onError: (e) => {
          server.show(e);
          // A WeChat code is spent or expired once refused: the person taps the button again, or types.
          if (e instanceof ServiceError && e.field === 'phone') setForm((f) => ({ ...f, phone: EMPTY_PHONE }));
        },
      },
    );
  };
  return (
    <View className="card help-volunteer-form">
      <View className="card__title">{again ? '重新登记' : '登记为志愿者'}</View>
      <View className="muted">
        党员可直接认领；群众和「双报到」在职党员登记并经所在社区党支部审核通过后，也可认领任务，服务时长记入时间银行。
      </View>
      <FormField
        label="真实姓名"
        name="realName"
        value={form.realName}
        onChange={(v) => setForm((f) => ({ ...f, realName: v }))}
        maxlength={20}
        error={errorOf('realName')}
        required
      />
      <PhoneField
        label="手机号"
        name="phone"
        value={form.phone}
        onChange={(phone) => {
          server.set('phone', null);
          setForm((f) => ({ ...f, phone }));
        }}
        // The server's word first: a refused WeChat code empties the field, which is not the problem to show.
        error={server.errors.phone ?? errorOf('phone')}
        required
      />
      <CheckRow
        name="inService"
        checked={form.inService}
        onChange={(v) => setForm((f) => ({ ...f, inService: v }))}
        label="我是到社区「双报到」的在职党员"
      />
      <CommunityPicker
        value={form.community}
        onChange={(c) => setForm((f) => ({ ...f, community: c }))}
        error={errorOf('unitId')}
        hintFor={(c) => `由「${c.name}」书记审核`}
      />
      {form.inService ? (
        <FormField
          label="工作单位"
          name="workplace"
          value={form.workplace}
          onChange={(v) => setForm((f) => ({ ...f, workplace: v }))}
          maxlength={40}
          error={errorOf('workplace')}
          required
        />
      ) : null}
      <View className="form-actions">
        <Button
          className="help-volunteer__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={submit}
        >
          登记
        </Button>
      </View>
      <FormError message={server.formError} />
    </View>
  );
}

function Ledger() {
  const list = usePagedList((cursor) => listTimeBank(cursor), []);
  return (
    <PagedList
      list={list}
      keyOf={(e) => e.entryId}
      emptyText="还没有时间银行记录。认领并完成任务，经群众确认后记入"
      emptyAction={{ text: '去任务大厅', url: ROUTES.helpHall }}
      renderItem={(e) => (
        <View className="help-row help-ledger">
          <View>
            <View>{e.reason}</View>
            <Text className="muted">{formatTime(e.at)}</Text>
          </View>
          <Text className="help-row__value">{`${e.hours > 0 ? '+' : ''}${e.hours} 小时（余 ${e.balanceAfter}）`}</Text>
        </View>
      )}
    />
  );
}

/** Registered but not (yet) approved: 等待支部审核, or the reason it was not and a form to register again. */
function Waiting({ v, onDone }: { v: VolunteerMe; onDone: () => void }) {
  const noBranch = v.status === 'pending' && !v.unitId;
  return (
    <View>
      <View className={`help-intro help-volunteer-status help-volunteer-status--${v.status ?? 'none'}`}>
        <View className="help-intro__title">
          {v.status === 'rejected' ? '志愿者登记未通过审核' : noBranch ? '请重新登记并选择社区' : '等待支部审核'}
        </View>
        <View className="help-intro__text">
          {v.status === 'rejected'
            ? `${v.unitName ?? '支部'}未通过你的登记${v.reason ? `：${v.reason}` : ''}。如有误会，可核对信息后重新登记。`
            : noBranch
              ? '志愿者现由所在社区的党支部审核。请选择你所在社区的党支部重新登记，审核通过后即可认领任务。'
              : `你已登记为「${v.unitName ?? ''}」的志愿者，正在等待支部书记审核。审核通过后会通知你，即可在任务大厅认领任务。`}
        </View>
      </View>
      {v.status === 'rejected' || noBranch ? <RegisterForm onDone={onDone} again /> : null}
    </View>
  );
}

/** 志愿者 and 时间银行: register once (vetted by the community's branch), then see the hours banked for each task done. */
export default function VolunteerPage() {
  const [elder, setElder] = useElderMode();
  const me = useResource(getVolunteerMe, []);
  return (
    <ElderPage elder={elder} className="help-volunteer-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={me}>
        {(v) =>
          v.registered && v.status !== 'approved' ? (
            <Waiting v={v} onDone={me.reload} />
          ) : v.registered ? (
            <View>
              <View className="help-intro help-timebank">
                <View className="help-intro__title">{`时间银行 ${v.hours} 小时`}</View>
                <View className="help-intro__text">
                  {v.inService ? '已登记为志愿者（双报到在职党员）' : '已登记为志愿者'}
                  。帮助别人的时间存起来，需要时可兑换服务。
                </View>
              </View>
              <View className="card">
                <Button className="help-volunteer__hall" block type="primary" onClick={() => go(ROUTES.helpHall)}>
                  去任务大厅认领
                </Button>
              </View>
              <View className="card">
                <View className="card__title">时间银行明细</View>
                <Ledger />
              </View>
            </View>
          ) : (
            <RegisterForm onDone={me.reload} />
          )
        }
      </ResourceView>
    </ElderPage>
  );
}
