/** 积分商品: list with low-stock filter, create/edit with a picture, restock. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Checkbox } from 'tdesign-react/esm/checkbox';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { InputNumber } from 'tdesign-react/esm/input-number';
import { Space } from 'tdesign-react/esm/space';
import { Switch } from 'tdesign-react/esm/switch';
import { Tag } from 'tdesign-react/esm/tag';
import { Loading } from 'tdesign-react/esm/loading';
import { Textarea } from 'tdesign-react/esm/textarea';
import { useAccess, useScopeCounty, type Access } from '../access';
import { call, type Goods } from '../api';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, required, requiredPick, useFormInstance, type Values } from '../ui/form';
import { heldNote, ImageUpload, NameWithWaiting } from '../ui/image-upload';
import { StoredImage } from '../ui/stored-image';
import { PagedTable, useNarrowedPaged } from '../ui/paged';
import { loadStations, StationSelect } from '../ui/pickers';

const { FormItem } = Form;

const int = (min: number, max: number, what: string) => ({
  validator: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  message: `${what}必须是 ${min} 到 ${max} 之间的整数`,
});
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/**
 * The system admin manages every goods item; a county admin only goods picked up at a station of their county (goods
 * with no pickup station belong to the whole system: points.saveGoods refuses them a county admin).
 */
export default function GoodsPage() {
  const access = useAccess();
  const { county, ready } = useScopeCounty(access);
  if (!ready) return <Loading className="shell__loading" text="正在读取管理范围…" />;
  return <GoodsList access={access} county={county} />;
}

function GoodsList({ access, county }: { access: Access; county: string | null }) {
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [keyword, setKeyword] = useState('');
  const paged = useNarrowedPaged<Goods>(
    (cursor, limit) => call('points', 'goods', { cursor, limit, lowStockOnly: lowStockOnly || undefined }),
    access.countyAdmin
      ? async (items) => {
          const ours = new Set(
            (await loadStations()).filter((st) => county && st.county === county).map((st) => st.stationId),
          );
          return items.filter((g) => g.stationId && ours.has(g.stationId));
        }
      : null,
    String(lowStockOnly),
    20,
  );
  const [editing, setEditing] = useState<Goods | 'new' | null>(null);
  const [restocking, setRestocking] = useState<Goods | null>(null);
  const form = useFormInstance();
  const restockForm = useFormInstance();
  const shown = keyword.trim() ? paged.items.filter((g) => g.name.includes(keyword.trim())) : paged.items;

  async function save(values: Values): Promise<string> {
    const current = editing === 'new' ? null : editing;
    const f = fieldsOf(values);
    const saved = await call('points', 'saveGoods', {
      goodsId: current?.goodsId,
      name: f.text('name'),
      price: f.number('price'),
      stock: f.number('stock'),
      perUserLimit: f.number('perUserLimit'),
      description: f.text('description'),
      picture: f.text('picture'),
      stationId: f.optionalText('stationId'),
      saleStart: f.optionalText('saleStart'),
      saleEnd: f.optionalText('saleEnd'),
      eventId: f.optionalText('eventId'),
      active: values.active !== false,
    });
    paged.reload();
    const said = current ? `已保存「${String(values.name)}」` : `已上架「${String(values.name)}」`;
    return said + heldNote(saved.pictureHeld);
  }

  const initial: Values | undefined =
    editing && editing !== 'new'
      ? {
          name: editing.name,
          price: editing.price,
          stock: editing.stock,
          perUserLimit: editing.perUserLimit,
          description: editing.description ?? '',
          picture: editing.picture ?? '',
          stationId: editing.stationId ?? undefined,
          eventId: editing.eventId ?? '',
          active: editing.active !== false,
          saleStart: editing.saleStart ? formatDateTime(editing.saleStart) : '',
          saleEnd: editing.saleEnd ? formatDateTime(editing.saleEnd) : '',
        }
      : { price: 10, stock: 10, perUserLimit: 1, active: true, picture: '' };

  return (
    <div className="page goods-page">
      <Space className="filters" align="center">
        <Input
          className="filters__keyword"
          value={keyword}
          onChange={(v) => setKeyword(String(v))}
          placeholder="按名称筛选本页"
          clearable
        />
        <Checkbox checked={lowStockOnly} onChange={(v) => setLowStockOnly(Boolean(v))}>
          只看库存不足
        </Checkbox>
        <Button className="goods-page__new" onClick={() => setEditing('new')}>
          新增商品
        </Button>
      </Space>
      <PagedTable<Goods>
        paged={{ ...paged, items: shown }}
        rowKey="goodsId"
        empty={
          keyword
            ? '本页没有名称包含该关键字的商品'
            : access.countyAdmin
              ? `${county ?? '本县'}的驿站还没有可兑换的商品`
              : '还没有商品'
        }
        columns={[
          {
            colKey: 'picture',
            title: '图片',
            width: 72,
            cell: ({ row }) =>
              row.picture ? (
                <StoredImage className="thumb" src={row.picture} alt={row.name} />
              ) : (
                <span className="thumb thumb--empty">无图</span>
              ),
          },
          {
            colKey: 'name',
            title: '名称',
            cell: ({ row }) => (
              <span className="goods-name">
                <NameWithWaiting name={row.name} waiting={row.pictureWaiting} />
              </span>
            ),
          },
          { colKey: 'price', title: '积分', width: 80 },
          {
            colKey: 'stock',
            title: '库存',
            width: 100,
            cell: ({ row }) => (
              <Space size={4}>
                {row.stock}
                {row.lowStock ? (
                  <Tag theme="warning" size="small">
                    不足
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { colKey: 'sold', title: '已兑', width: 80 },
          { colKey: 'perUserLimit', title: '每人限兑', width: 90 },
          {
            colKey: 'active',
            title: '状态',
            width: 80,
            cell: ({ row }) => (row.active === false ? <Tag>已下架</Tag> : <Tag theme="success">在售</Tag>),
          },
          {
            colKey: 'op',
            title: '操作',
            width: 150,
            cell: ({ row }) => (
              <Space size={4}>
                <Button size="small" variant="text" theme="primary" onClick={() => setEditing(row)}>
                  编辑
                </Button>
                <Button size="small" variant="text" theme="primary" onClick={() => setRestocking(row)}>
                  补货
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormDialog
        header={editing === 'new' ? '新增商品' : '编辑商品'}
        visible={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        onSubmit={save}
        initial={initial}
        width={640}
        className="goods-dialog"
      >
        <FormItem label="名称" name="name" rules={[required('商品名称'), maxChars(40, '名称最多 40 个字')]}>
          <Input placeholder="例如：洗衣液 2kg" />
        </FormItem>
        <FormItem label="图片" name="picture">
          <ImageUpload />
        </FormItem>
        <FormItem label="所需积分" name="price" rules={[required('所需积分'), int(1, 100_000, '所需积分')]}>
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem label="库存" name="stock" rules={[required('库存'), int(0, 100_000, '库存')]}>
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem label="每人限兑" name="perUserLimit" rules={[required('每人限兑数量'), int(1, 99, '每人限兑数量')]}>
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem
          label="领取驿站"
          name="stationId"
          rules={access.countyAdmin ? [requiredPick('领取驿站')] : []}
          help={access.countyAdmin ? `只能选${county ?? '本县'}的驿站；不限驿站的商品由系统管理员管理` : undefined}
        >
          <StationSelect
            placeholder={access.countyAdmin ? '选择领取驿站' : '不限驿站'}
            county={access.countyAdmin ? county : null}
          />
        </FormItem>
        <FormItem
          label="兑换开始"
          name="saleStart"
          rules={[
            { validator: (v: unknown) => !v || DATE_TIME.test(String(v)), message: '时间格式应为 YYYY-MM-DD HH:mm' },
          ]}
        >
          <DatePicker
            enableTimePicker
            format="YYYY-MM-DD HH:mm"
            valueType="YYYY-MM-DD HH:mm"
            clearable
            placeholder="不限"
          />
        </FormItem>
        <FormItem
          label="兑换结束"
          name="saleEnd"
          rules={[
            { validator: (v: unknown) => !v || DATE_TIME.test(String(v)), message: '时间格式应为 YYYY-MM-DD HH:mm' },
          ]}
        >
          <DatePicker
            enableTimePicker
            format="YYYY-MM-DD HH:mm"
            valueType="YYYY-MM-DD HH:mm"
            clearable
            placeholder="不限"
          />
        </FormItem>
        <FormItem label="积分兑换日" name="eventId" help="兑换日编号，例如 ev-lingchuan-day；后端暂无兑换日列表接口">
          <Input placeholder="不属于兑换日可留空" />
        </FormItem>
        <FormItem label="说明" name="description" rules={[maxChars(500, '说明最多 500 个字')]}>
          <Textarea autosize={{ minRows: 2, maxRows: 4 }} />
        </FormItem>
        <FormItem label="在售" name="active">
          <Switch />
        </FormItem>
      </FormDialog>
      <FormDialog
        header={restocking ? `补货：${restocking.name}` : '补货'}
        visible={restocking !== null}
        onClose={() => setRestocking(null)}
        form={restockForm}
        confirmText="确认补货"
        initial={{ qty: 10 }}
        onSubmit={async (v) => {
          const r = await call('points', 'restock', { goodsId: restocking!.goodsId, qty: fieldsOf(v).number('qty') });
          paged.reload();
          return `已补货 ${String(v.qty)} 件，现库存 ${r.stock}`;
        }}
      >
        <FormItem label="补货数量" name="qty" rules={[required('补货数量'), int(1, 100_000, '补货数量')]}>
          <InputNumber theme="normal" />
        </FormItem>
      </FormDialog>
    </div>
  );
}
