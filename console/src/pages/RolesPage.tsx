/** 角色与工作人员: give a role (with its scope), assign staff to stations and vaccination sites. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Form } from 'tdesign-react/esm/form';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Tag } from 'tdesign-react/esm/tag';
import { useAccess, useScopeCounty } from '../access';
import { call, ROLE_LABELS, ROLES, roleLabel, type Role, type StaffRow } from '../api';
import { fieldsOf, FormDialog, requiredPick, useFormInstance } from '../ui/form';
import { PagedTable, usePaged } from '../ui/paged';
import { MemberPicker, SiteSelect, StationSelect, UnitSelect } from '../ui/pickers';

const { FormItem } = Form;
const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** A county admin gives roles inside their county (never a system-wide admin) and assigns their county's stations. */
export default function RolesPage() {
  const access = useAccess();
  const { county } = useScopeCounty(access);
  const paged = usePaged<StaffRow>((cursor) => call('org', 'staff', { cursor }), 'staff');
  const [roleOpen, setRoleOpen] = useState(false);
  const [assigning, setAssigning] = useState<StaffRow | 'new' | null>(null);
  const roleForm = useFormInstance();
  const assignForm = useFormInstance();
  const role = Form.useWatch('role', roleForm);

  return (
    <div className="page roles-page">
      <Space className="filters">
        <Button className="roles-page__set-role" onClick={() => setRoleOpen(true)}>
          设置角色
        </Button>
        <Button variant="outline" onClick={() => setAssigning('new')}>
          分配工作人员
        </Button>
      </Space>
      <PagedTable<StaffRow>
        paged={paged}
        rowKey="openid"
        empty="还没有驿站工作人员：先在「设置角色」把人设为驿站工作人员"
        columns={[
          { colKey: 'name', title: '姓名', cell: ({ row }) => row.nickname || row.openid },
          // The list is of staff only (org.staff).
          { colKey: 'role', title: '角色', width: 130, cell: () => <Tag variant="light">{ROLE_LABELS.staff}</Tag> },
          {
            colKey: 'stations',
            title: '驿站',
            cell: ({ row }) => (row.stations?.map((s) => s.name) ?? row.stationIds ?? []).join('、') || '—',
          },
          {
            colKey: 'sites',
            title: '接种点',
            cell: ({ row }) => (row.sites?.map((s) => s.name) ?? row.siteIds ?? []).join('、') || '—',
          },
          {
            colKey: 'op',
            title: '操作',
            width: 90,
            cell: ({ row }) => (
              <Button size="small" variant="text" theme="primary" onClick={() => setAssigning(row)}>
                分配
              </Button>
            ),
          },
        ]}
      />
      <FormDialog
        header="设置角色"
        visible={roleOpen}
        onClose={() => setRoleOpen(false)}
        form={roleForm}
        confirmText="确认设置"
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          await call('org', 'setRole', {
            openid: f.text('openid'),
            role: f.choice<Role>('role'),
            scopeUnitId: f.optionalText('scopeUnitId'),
          });
          paged.reload();
          return `已设为${roleLabel(String(v.role))}`;
        }}
      >
        <FormItem label="人员" name="openid" rules={[requiredPick('人员')]}>
          <MemberPicker />
        </FormItem>
        <FormItem label="角色" name="role" rules={[requiredPick('角色')]}>
          <Select options={ROLE_OPTIONS} />
        </FormItem>
        {role === 'admin' ? (
          <FormItem
            label="管理范围"
            name="scopeUnitId"
            rules={access.systemAdmin ? [] : [requiredPick('管理范围')]}
            help={access.systemAdmin ? '县级管理员选择所在县；不选为全系统管理员' : '只能设为本县的县区管理员'}
          >
            <UnitSelect
              kinds={['county']}
              clearable={access.systemAdmin}
              placeholder={access.systemAdmin ? '全系统' : '选择本县'}
            />
          </FormItem>
        ) : null}
        {role === 'secretary' || role === 'member' ? (
          <FormItem
            label="党支部"
            name="scopeUnitId"
            rules={role === 'secretary' ? [requiredPick('党支部')] : []}
            help={role === 'secretary' ? '原书记（如有）改为党员' : '可不选，保持原支部'}
          >
            <UnitSelect kinds={['branch']} clearable placeholder="选择党支部" />
          </FormItem>
        ) : null}
      </FormDialog>
      <FormDialog
        header={assigning && assigning !== 'new' ? `分配「${assigning.nickname || assigning.openid}」` : '分配工作人员'}
        visible={assigning !== null}
        onClose={() => setAssigning(null)}
        form={assignForm}
        width={640}
        initial={
          assigning && assigning !== 'new'
            ? {
                openid: assigning.openid,
                stationIds: assigning.stationIds ?? assigning.stations?.map((s) => s.stationId) ?? [],
                siteIds: assigning.siteIds ?? assigning.sites?.map((s) => s.siteId) ?? [],
              }
            : { stationIds: [], siteIds: [] }
        }
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          await call('org', 'assignStaff', {
            openid: f.text('openid'),
            stationIds: f.list('stationIds'),
            siteIds: f.list('siteIds'),
          });
          paged.reload();
          return '已保存工作人员的驿站和接种点';
        }}
      >
        <FormItem label="工作人员" name="openid" rules={[requiredPick('工作人员')]}>
          {assigning && assigning !== 'new' ? <span>{assigning.nickname || assigning.openid}</span> : <MemberPicker />}
        </FormItem>
        <FormItem label="驿站" name="stationIds" help="只能在这些驿站核销、看名单、关闭时段">
          <StationSelect multiple placeholder="不分配驿站" county={access.countyAdmin ? county : null} />
        </FormItem>
        <FormItem label="接种点" name="siteIds">
          <SiteSelect multiple placeholder="不分配接种点" />
        </FormItem>
      </FormDialog>
    </div>
  );
}
