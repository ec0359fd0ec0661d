import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isPhone, PHONE_RULE } from '../../../../../domain/org/labels';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import FormField, { Field, FormError, useFieldErrors } from '../../../../components/form-field';
import PhoneField, { EMPTY_PHONE, phoneInput, type PhoneValue } from '../../../../components/phone-field';
import { ServiceError } from '../../../../services/transport';
import { useIntention } from '../../../../components/intention';
import { a11y } from '../../../../components/layout/a11y';
import {
  askForHelp,
  ISSUE_CATEGORIES,
  WISH_CATEGORIES,
  type Community,
  type RequestKind,
} from '../../../../services/requests';
import { CheckRow, CommunityPicker, DETAIL, go, PhotoField, TextAreaField, type Photo } from '../../components';
import { askToSubscribe } from '../../../../services/subscribe';
import '../../help.scss';

const KINDS: { kind: RequestKind; name: string; desc: string }[] = [
  { kind: 'wish', name: '微心愿', desc: '为老人、孩子等圆一个小心愿' },
  { kind: 'issue', name: '诉求', desc: '环境、物业、邻里、便民等问题' },
];

const FIELDS = {
  kind: 'kind',
  category: 'category',
  title: 'title',
  text: 'text',
  photos: 'photos',
  unitId: 'unitId',
  place: 'place',
  'place.name': 'place',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  contactPhoneCode: 'contactPhone',
} as const;
type FieldName = (typeof FIELDS)[keyof typeof FIELDS];

interface Form {
  kind: RequestKind;
  category: string;
  title: string;
  text: string;
  photos: Photo[];
  community: Community | null;
  place: string;
  contactName: string;
  contactPhone: PhoneValue;
  hideFromWall: boolean;
}
const EMPTY: Form = {
  kind: 'wish',
  category: '',
  title: '',
  text: '',
  photos: [],
  community: null,
  place: '',
  contactName: '',
  contactPhone: EMPTY_PHONE,
  hideFromWall: false,
};

function problems(f: Form): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  if (!f.category) out.category = '请选择类别';
  if (f.title.trim().length < 2) out.title = '标题至少 2 个字';
  if (f.text.trim().length < 5) out.text = '请写清楚需要什么帮助，至少 5 个字';
  if (!f.community) out.unitId = '请选择所在社区的党支部';
  if (f.contactName.trim().length < 1) out.contactName = '请填写联系人';
  // A WeChat number (a code) is checked by the server when it is exchanged.
  const typed = f.contactPhone.phone.trim();
  if (!f.contactPhone.code && !isPhone(typed)) out.contactPhone = typed ? PHONE_RULE : '请填写联系电话';
  return out;
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** 「找他办事」 from a 先锋岗 on the map: the post and its branch arrive in the address. */
function postOf(params: Partial<Record<string, string>>): { id: string; name: string; branch: Community } | null {
  const read = (k: string) => decodeURIComponent(params[k] ?? '').trim();
  const [id, name, unitId, branch] = [read('postId'), read('post'), read('unitId'), read('branch')];
  return id && unitId && branch ? { id, name, branch: { unitId, name: branch, county: read('county') } } : null;
}

/** 群众点单: a resident asks for help (a 微心愿 or a 诉求) and the community's branch receives it. */
export default function AskPage() {
  const [elder, setElder] = useElderMode();
  const { params } = useRouter();
  const post = useMemo(() => postOf(params), [params]);
  const [form, setForm] = useState<Form>(() => (post ? { ...EMPTY, community: post.branch } : EMPTY));
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<{ id: string; title: string; branch: string } | null>(null);
  const server = useFieldErrors(FIELDS);
  const intent = useIntention(form);
  const check = useMemo(() => problems(form), [form]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errorOf = (name: FieldName) => (tried ? check[name] : undefined) ?? server.errors[name];
  const categories = form.kind === 'wish' ? WISH_CATEGORIES : ISSUE_CATEGORIES;
  const kindName = form.kind === 'wish' ? '微心愿' : '诉求';

  const submit = () => {
    setTried(true);
    server.clear();
    if (Object.keys(check).length > 0 || !form.community) return;
    const branch = form.community.name;
    const wall =
      form.kind === 'wish' ? (form.hideFromWall ? '不在心愿墙公开。' : '标题将以脱敏姓名展示在心愿墙上。') : '';
    void intent.run(
      (requestId) =>
        askForHelp(
          {
            kind: form.kind,
            category: form.category,
            title: form.title.trim(),
            text: form.text.trim(),
            photos: form.photos.map((p) => p.fileId),
            unitId: form.community!.unitId,
            // Asked from a 先锋岗 while its branch is still the one chosen: the request carries the post.
            postId: post && form.community!.unitId === post.branch.unitId ? post.id : undefined,
            place: form.place.trim() ? { name: form.place.trim() } : undefined,
            contactName: form.contactName.trim(),
            ...phoneInput(form.contactPhone, 'contactPhone', 'contactPhoneCode'),
            publicOnWall: form.kind === 'wish' && !form.hideFromWall,
          },
          requestId,
        ),
      {
        confirm: {
          title: `提交${kindName}`,
          content: `「${form.title.trim()}」将交给「${branch}」书记受理，受理后派党员或志愿者办理，每一步都会通知你。联系人 ${form.contactName.trim()}、电话 ${form.contactPhone.code ? '（微信手机号）' : masked(form.contactPhone.phone.trim())} 加密保存，仅书记和接单人可见。${wall}`,
          confirmText: '提交',
        },
        success: '已提交，等待支部受理',
        onSuccess: (res) => {
          setSent({ id: res.id, title: form.title.trim(), branch });
          void askToSubscribe('requests');
          setForm(EMPTY);
          setTried(false);
        },
        onError: (e) => {
          server.show(e);
          // A WeChat code is spent or expired once refused: the person taps the button again, or types.
          if (e instanceof ServiceError && e.field === 'contactPhone') set('contactPhone', EMPTY_PHONE);
        },
      },
    );
  };

  return (
    <ElderPage elder={elder} className="help-ask-page">
      <ElderToggle elder={elder} onChange={setElder} />
      {sent ? (
        <View className="card help-sent" role="status">
          <View className="card__title">已提交：{sent.title}</View>
          <View className="muted">{`「${sent.branch}」书记受理后，会派党员或志愿者办理。进展会出现在「我的点单」和消息里。`}</View>
          <View className="form-actions">
            <Button className="help-sent__open" block type="primary" fill="outline" onClick={() => go(DETAIL(sent.id))}>
              查看进度
            </Button>
          </View>
        </View>
      ) : null}
      <View className="card help-ask">
        <View className="card__title">我要点单</View>
        {post ? (
          <View className="muted help-ask__post">{`找他办事：从「${post.name}」向「${post.branch.name}」点单`}</View>
        ) : null}
        <View className="help-kind">
          {KINDS.map((k) => (
            <View
              key={k.kind}
              className={`help-kind__item help-kind__item--${k.kind} ${form.kind === k.kind ? 'help-kind__item--on' : ''}`}
              {...a11y({ role: 'button', pressed: form.kind === k.kind, label: `${k.name}：${k.desc}` })}
              onClick={() => setForm((f) => ({ ...f, kind: k.kind, category: '' }))}
            >
              <Text className="help-kind__name">{k.name}</Text>
              <Text className="help-kind__desc">{k.desc}</Text>
            </View>
          ))}
        </View>
        <Field label="类别" name="category" error={errorOf('category')} required>
          <View className="help-chips">
            {categories.map((c) => (
              <Text
                key={c}
                className={`help-chip help-chip--category ${form.category === c ? 'help-chip--on' : ''}`}
                {...a11y({ role: 'button', pressed: form.category === c, label: c })}
                onClick={() => set('category', c)}
              >
                {c}
              </Text>
            ))}
          </View>
        </Field>
        <FormField
          label="标题"
          name="title"
          value={form.title}
          onChange={(v) => set('title', v)}
          maxlength={40}
          placeholder={form.kind === 'wish' ? '如：给独居的张奶奶买一台收音机' : '如：3 栋楼道灯坏了'}
          error={errorOf('title')}
          required
        />
        <TextAreaField
          label="详细说明"
          name="text"
          value={form.text}
          onChange={(v) => set('text', v)}
          maxlength={500}
          placeholder="写清楚需要什么帮助、什么时间方便"
          error={errorOf('text')}
          required
        />
        <PhotoField
          label="照片"
          name="photos"
          value={form.photos}
          onChange={(p) => set('photos', p)}
          error={server.errors.photos}
        />
        <CommunityPicker value={form.community} onChange={(c) => set('community', c)} error={errorOf('unitId')} />
        <FormField
          label="地点"
          name="place"
          value={form.place}
          onChange={(v) => set('place', v)}
          maxlength={50}
          placeholder="如：向阳社区 3 栋 2 单元（选填）"
          hint="选填，方便接单人找到"
          error={server.errors.place}
        />
        <FormField
          label="联系人"
          name="contactName"
          value={form.contactName}
          onChange={(v) => set('contactName', v)}
          maxlength={20}
          placeholder="怎么称呼你"
          error={errorOf('contactName')}
          required
        />
        <PhoneField
          label="联系电话"
          name="contactPhone"
          value={form.contactPhone}
          onChange={(v) => {
            server.set('contactPhone', null);
            set('contactPhone', v);
          }}
          // The server's word first: a refused WeChat code empties the field, which is not the problem to show.
          error={server.errors.contactPhone ?? errorOf('contactPhone')}
          hint="加密保存，仅受理的书记和接单人可见"
          required
        />
        {form.kind === 'wish' ? (
          <CheckRow
            name="hide"
            checked={form.hideFromWall}
            onChange={(v) => set('hideFromWall', v)}
            label="不在心愿墙公开"
          />
        ) : null}
        <View className="form-actions">
          <Button
            className="help-ask__submit"
            type="primary"
            block
            loading={intent.busy}
            disabled={intent.busy}
            onClick={submit}
          >
            {`提交${kindName}`}
          </Button>
        </View>
        <FormError
          message={
            server.formError ?? (tried && Object.keys(check).length > 0 ? '还有内容没填好，请看标红的地方' : null)
          }
        />
      </View>
    </ElderPage>
  );
}
