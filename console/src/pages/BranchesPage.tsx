/** 组织架构: the county → 大党委/联盟 → 党支部 tree; add or rename units, set a secretary, print an invitation. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tag } from 'tdesign-react/esm/tag';
import { useAccess } from '../access';
import { call, CHILD_KINDS, newRequestId, UNIT_KINDS, type Unit, type UnitKind } from '../api';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice, useAll } from '../ui/paged';
import { forgetUnits, inTreeOrder, loadUnits, MemberPicker, UnitSelect } from '../ui/pickers';
import { QrImage } from '../ui/qr';
import { starName, starText } from '../../../domain/stars/labels';

const { FormItem } = Form;
type Row = Unit & { depth: number };
/** Which kinds may sit under which (as the org function checks: county → 大党委/联盟 → 党支部, or a branch right under a county). */

/**
 * Admins shape the tree (a county admin inside their county: no new county); a branch secretary sees their branch
 * and the units above it, and may only make their own branch's invite code.
 */
export default function BranchesPage() {
  const access = useAccess();
  const shapes = access.me.role === 'admin';
  const invites = (unit: Unit) => shapes || (access.secretary && unit.unitId === access.me.scope.unitId);
  const [keyword, setKeyword] = useState('');
  const tree = useAll(async () => inTreeOrder(await loadUnits()), 'tree');
  // 达标创星: each branch's latest signed-off stars.
  const branchIds = tree.items.filter((u) => u.kind === 'branch').map((u) => u.unitId);
  const stars = useAll(
    async () => {
      const out: { branchId: string; stars: number; quarterLabel: string }[] = [];
      for (let i = 0; i < branchIds.length; i += 200)
        out.push(...(await call('admin', 'branchStars', { branchIds: branchIds.slice(i, i + 200) })).items);
      return out;
    },
    `stars:${branchIds.join(',')}`,
  );
  const starsOf = new Map(stars.items.map((s) => [s.branchId, s]));
  const [editing, setEditing] = useState<{ unit?: Unit; parent?: Unit; requestId: string } | null>(null);
  const [secretaryOf, setSecretaryOf] = useState<Unit | null>(null);
  const [invite, setInvite] = useState<{ unit: Unit; code: string; expiresAt: number; qrText?: string } | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [inviteBusy, setInviteBusy] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Unit | null>(null);
  const [archiveBusy, setArchiveBusy] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const form = useFormInstance();
  const secretaryForm = useFormInstance();
  const reload = () => {
    forgetUnits();
    tree.reload();
  };
  const rows = (tree.items as Row[]).filter((u) => !keyword.trim() || u.name.includes(keyword.trim()));

  async function createInvite(unit: Unit) {
    setInviteBusy(unit.unitId);
    setInviteError(null);
    try {
      const r = await call('org', 'createInvite', { branchId: unit.unitId });
      setInvite({ unit, ...r });
    } catch (e) {
      setInviteError(e instanceof Error ? e.message : String(e));
    } finally {
      setInviteBusy(null);
    }
  }

  async function archive(unit: Unit) {
    setArchiveBusy(true);
    setArchiveError(null);
    try {
      await call('org', 'archiveUnit', { unitId: unit.unitId, archived: true });
      setArchiving(null);
      reload();
    } catch (e) {
      setArchiveError(e instanceof Error ? e.message : String(e));
    } finally {
      setArchiveBusy(false);
    }
  }

  const parentKind = editing?.parent?.kind;
  const kindOptions = (
    editing?.unit ? [editing.unit.kind] : parentKind ? CHILD_KINDS[parentKind] : (['county'] as UnitKind[])
  ).map((k) => ({ value: k, label: UNIT_KINDS[k] }));

  return (
    <div className="page branches-page">
      <Space className="filters" align="center">
        <Input
          className="filters__keyword"
          value={keyword}
          onChange={(v) => setKeyword(String(v))}
          placeholder="按名称筛选"
          clearable
        />
        {access.systemAdmin ? (
          <Button
            className="branches-page__new-county"
            variant="outline"
            onClick={() => setEditing({ requestId: newRequestId('unit') })}
          >
            新增县
          </Button>
        ) : null}
        {access.secretary ? (
          <span className="hint scope-hint">你可以为本支部生成加入支部的邀请码；组织架构的调整请联系县区管理员</span>
        ) : null}
      </Space>
      <ErrorNotice message={tree.error} title="加载失败" />
      <ErrorNotice message={inviteError} title="生成邀请码失败" />
      <Table<Row>
        rowKey="unitId"
        size="small"
        hover
        loading={tree.loading}
        data={rows}
        empty="还没有组织"
        pagination={{ defaultPageSize: 20, showPageSize: false, total: rows.length }}
        columns={[
          {
            colKey: 'name',
            title: '名称',
            cell: ({ row }) => (
              <span
                className={`unit-name unit-name--${row.kind}`}
                style={{ paddingLeft: keyword ? 0 : row.depth * 24 }}
              >
                {row.name}
              </span>
            ),
          },
          {
            colKey: 'kind',
            title: '类型',
            width: 150,
            cell: ({ row }) => <Tag variant="light">{UNIT_KINDS[row.kind] ?? row.kind}</Tag>,
          },
          { colKey: 'county', title: '所属县', width: 120 },
          { colKey: 'secretary', title: '书记', width: 120, cell: ({ row }) => row.secretary?.nickname ?? '—' },
          { colKey: 'memberCount', title: '党员数', width: 80 },
          {
            colKey: 'stars',
            title: '星级',
            width: 150,
            cell: ({ row }) => {
              const s = starsOf.get(row.unitId);
              return s ? (
                <span title={`${s.quarterLabel}${starName(s.stars)}`} className="unit-stars">
                  {starText(s.stars)}
                </span>
              ) : (
                '—'
              );
            },
          },
          {
            colKey: 'op',
            title: '操作',
            width: shapes ? 260 : 100,
            cell: ({ row }) => (
              <Space size={2}>
                {shapes && CHILD_KINDS[row.kind]?.length ? (
                  <Button
                    size="small"
                    variant="text"
                    theme="primary"
                    onClick={() => setEditing({ parent: row, requestId: newRequestId('unit') })}
                  >
                    新增下级
                  </Button>
                ) : null}
                {shapes ? (
                  <Button
                    size="small"
                    variant="text"
                    theme="primary"
                    onClick={() => setEditing({ unit: row, requestId: newRequestId('unit') })}
                  >
                    改名
                  </Button>
                ) : null}
                {row.kind === 'branch' && invites(row) ? (
                  <>
                    {shapes ? (
                      <Button size="small" variant="text" theme="primary" onClick={() => setSecretaryOf(row)}>
                        设书记
                      </Button>
                    ) : null}
                    <Button
                      size="small"
                      variant="text"
                      theme="primary"
                      loading={inviteBusy === row.unitId}
                      disabled={inviteBusy !== null}
                      onClick={() => void createInvite(row)}
                    >
                      邀请码
                    </Button>
                  </>
                ) : null}
                {shapes && row.memberCount === 0 ? (
                  <Button
                    size="small"
                    variant="text"
                    theme="danger"
                    className="unit-archive"
                    onClick={() => {
                      setArchiveError(null);
                      setArchiving(row);
                    }}
                  >
                    撤销
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <FormDialog
        header={
          editing?.unit
            ? `修改「${editing.unit.name}」`
            : editing?.parent
              ? `在「${editing.parent.name}」下新增`
              : '新增县'
        }
        visible={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        className="unit-dialog"
        initial={
          editing?.unit
            ? { name: editing.unit.name, kind: editing.unit.kind, parentId: editing.unit.parentId ?? '' }
            : { kind: kindOptions[0]?.value, parentId: editing?.parent?.unitId ?? '' }
        }
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          await call('org', 'saveUnit', {
            unitId: editing?.unit?.unitId,
            parentId: f.optionalText('parentId') ?? null,
            kind: f.choice<UnitKind>('kind'),
            name: f.text('name'),
            requestId: editing!.requestId,
            ...(v.kind === 'county' && !editing?.unit && f.text('county') ? { county: f.text('county') } : {}),
          });
          reload();
          return `已保存「${f.text('name')}」`;
        }}
      >
        <FormItem label="上级" name="parentId">
          {editing?.parent || editing?.unit?.parentId ? (
            <UnitSelect placeholder="上级组织" />
          ) : (
            <Input disabled placeholder="县是最上级" />
          )}
        </FormItem>
        <FormItem label="类型" name="kind" rules={[requiredPick('组织类型')]}>
          <Select options={kindOptions} disabled={Boolean(editing?.unit)} />
        </FormItem>
        <FormItem
          label="名称"
          name="name"
          rules={[required('名称'), minChars(2, '名称至少 2 个字'), maxChars(40, '名称最多 40 个字')]}
        >
          <Input placeholder="例如：城北社区第一党支部" />
        </FormItem>
        {!editing?.unit && !editing?.parent ? (
          <FormItem
            label="县全称"
            name="county"
            rules={[
              {
                validator: (v: unknown) => !v || (String(v).trim().length >= 2 && String(v).trim().length <= 20),
                message: '县全称为 2 到 20 个字',
              },
            ]}
            help="与驿站、接种点登记的县名一致，如 桂林市永福县；不填则同名称"
          >
            <Input />
          </FormItem>
        ) : null}
      </FormDialog>
      <FormDialog
        header={secretaryOf ? `设置「${secretaryOf.name}」的书记` : '设置书记'}
        visible={secretaryOf !== null}
        onClose={() => setSecretaryOf(null)}
        form={secretaryForm}
        confirmText="设为书记"
        onSubmit={async (v) => {
          await call('org', 'setSecretary', { unitId: secretaryOf!.unitId, openid: fieldsOf(v).text('openid') });
          reload();
          return '已设置书记';
        }}
      >
        <FormItem label="书记" name="openid" rules={[requiredPick('书记人选')]}>
          <MemberPicker />
        </FormItem>
      </FormDialog>
      <Dialog
        header={archiving ? `撤销「${archiving.name}」` : '撤销组织'}
        visible={archiving !== null}
        onClose={() => setArchiving(null)}
        confirmBtn={{ content: '确认撤销', theme: 'danger', loading: archiveBusy, disabled: archiveBusy }}
        onConfirm={() => void (archiving && archive(archiving))}
        width={460}
      >
        <p>
          撤销后「{archiving?.name}
          」不再出现在组织架构、点单和志愿者登记的支部列表中，它的邀请码随即失效；已有的记录仍保留它的名称。只有没有党员、没有下级组织的组织可以撤销。
        </p>
        <ErrorNotice message={archiveError} title="撤销失败" />
      </Dialog>
      <Dialog
        header={invite ? `「${invite.unit.name}」加入支部邀请` : '邀请'}
        visible={invite !== null}
        onClose={() => setInvite(null)}
        cancelBtn={null}
        confirmBtn={{ content: '打印', onClick: () => window.print() }}
        width={420}
      >
        {invite && (
          <div className="print-area invite">
            <h2 className="print-only">{invite.unit.name}</h2>
            <QrImage text={invite.qrText ?? invite.code} size={220} />
            <div className="invite__code">
              邀请码 <strong>{invite.code}</strong>
            </div>
            <div className="hint">
              用微信扫码，或在小程序中输入邀请码申请加入；{formatDateTime(invite.expiresAt)} 前有效
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
