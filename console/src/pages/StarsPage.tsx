/**
 * 达标创星: a quarter's ratings of the branches in the person's scope — the proposed score with its breakdown, the
 * stars now, adjusting them with a reason, signing off (final), and the history. A secretary sees their own branch's.
 */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import type { ActionOutput, ItemOf } from '../../../cloudfunctions/contract';
import { quarterLabel, starName, starText } from '../../../domain/stars/labels';
import { call, messageOf } from '../api';
import { useAccess } from '../access';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice } from '../ui/notice';
import { useAll } from '../ui/paged';

type Rating = ItemOf<ActionOutput<'admin', 'stars'>>;
type Figure = Rating['proposed']['figures'][number];
const { FormItem } = Form;
const HISTORY_WORDS = { computed: '计算得出', adjusted: '调整为', signedOff: '确认为' } as const;

/** The quarter before '2026-Q4' is '2026-Q3'. */
function before(quarter: string): string {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

function Breakdown({ rating }: { rating: Rating }) {
  return (
    <div className="stars__breakdown">
      <p>
        计算得分 <strong>{rating.proposed.score}</strong> 分，{starName(rating.proposed.stars)}（
        {formatDateTime(rating.proposed.computedAt)} 计算）
        {rating.adjusted ? `；已调整为${starName(rating.adjusted.stars)}，理由：${rating.adjusted.reason}` : ''}
      </p>
      <Table<Figure>
        rowKey="key"
        size="small"
        data={rating.proposed.figures}
        columns={[
          { colKey: 'label', title: '项目', width: 130 },
          { colKey: 'weight', title: '权重', width: 70 },
          {
            colKey: 'points',
            title: '得分',
            width: 80,
            cell: ({ row }) => (row.counted ? row.points : <Tag variant="light">不计分</Tag>),
          },
          { colKey: 'detail', title: '依据' },
        ]}
      />
      <p className="hint">
        各项权重和星级分数线是系统的默认设置（系统管理员可以调整），不是文件规定；没有数据的项目不计分，其权重按比例分给其他项目。
      </p>
      <h4>记录</h4>
      <ul className="stars__history">
        {rating.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)} {h.byName} {HISTORY_WORDS[h.kind]}
            {starName(h.stars)}
            {h.score !== null && h.kind === 'computed' ? `（${h.score} 分）` : ''}
            {h.reason ? `，理由：${h.reason}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function StarsPage() {
  const access = useAccess();
  const canReview = access.me.role === 'admin';
  const [quarter, setQuarter] = useState<string | null>(null);
  const [latest, setLatest] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const list = useAll(
    async () => {
      const items: Rating[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 40; page += 1) {
        const res = await call('admin', 'stars', { ...(quarter ? { quarter } : {}), limit: 50, cursor });
        if (!latest) setLatest(res.quarter);
        if (!quarter) setQuarter(res.quarter);
        items.push(...res.items);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return items;
    },
    `stars:${quarter ?? ''}:${tick}`,
  );
  const [shown, setShown] = useState<Rating | null>(null);
  const [adjusting, setAdjusting] = useState<Rating | null>(null);
  const [signing, setSigning] = useState<Rating | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useFormInstance();
  const reload = () => setTick((t) => t + 1);

  const quarters: string[] = [];
  for (let q = latest; q && quarters.length < 8; q = before(q)) quarters.push(q);

  const compute = async () => {
    if (!quarter || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('admin', 'computeStars', { quarter });
      void MessagePlugin.success(
        `已计算 ${r.computed} 个党支部${r.signedOff ? `，${r.signedOff} 个已确认的未改动` : ''}`,
      );
      reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const signOff = async (rating: Rating) => {
    setBusy(true);
    setError(null);
    try {
      await call('admin', 'signOffStars', { ratingId: rating.ratingId });
      void MessagePlugin.success(`已确认${rating.branchName}为${starName(rating.stars)}`);
      reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stars">
      <Space className="filters" align="center">
        <Select
          className="stars__quarter"
          value={quarter ?? undefined}
          onChange={(v) => setQuarter(String(v))}
          options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
          placeholder="选择季度"
          style={{ width: 180 }}
        />
        {canReview ? (
          <Button className="stars__compute" disabled={!quarter || busy} loading={busy} onClick={() => void compute()}>
            按记录计算{quarter ? quarterLabel(quarter) : ''}得分
          </Button>
        ) : null}
        <span className="hint">
          得分由会议、出勤、点单办结与满意、服务时长、积分活跃算出；县（市、区）管理员审核，可调整星级（须写理由），确认后不再改变。
        </span>
      </Space>
      <ErrorNotice message={error ?? list.error} title={list.error ? '加载失败' : undefined} />
      <Table<Rating>
        rowKey="ratingId"
        size="small"
        hover
        loading={list.loading}
        data={list.items}
        empty={canReview ? '这个季度还没有计算，请点「按记录计算」' : '这个季度还没有星级评定'}
        pagination={{ defaultPageSize: 15, showPageSize: false, total: list.items.length }}
        columns={[
          { colKey: 'branchName', title: '党支部' },
          { colKey: 'county', title: '县（市、区）', width: 140 },
          { colKey: 'score', title: '计算得分', width: 100, cell: ({ row }) => row.proposed.score },
          {
            colKey: 'stars',
            title: '星级',
            width: 220,
            cell: ({ row }) => (
              <span className="stars__stars" title={starName(row.stars)}>
                <span className="stars__glyphs">{starText(row.stars)}</span> {starName(row.stars)}
                {row.adjusted ? (
                  <Tag variant="light" style={{ marginLeft: 8 }}>
                    已调整
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            colKey: 'status',
            title: '状态',
            width: 90,
            cell: ({ row }) => <Tag theme={row.status === 'signedOff' ? 'success' : 'warning'}>{row.statusLabel}</Tag>,
          },
          {
            colKey: 'op',
            title: '',
            width: 220,
            cell: ({ row }) => (
              <Space size="small">
                <Button variant="text" className="stars__show" onClick={() => setShown(row)}>
                  明细
                </Button>
                {canReview && row.status === 'proposed' ? (
                  <>
                    <Button variant="text" className="stars__adjust" disabled={busy} onClick={() => setAdjusting(row)}>
                      调整
                    </Button>
                    <Button
                      variant="text"
                      theme="primary"
                      className="stars__signoff"
                      disabled={busy}
                      onClick={() => setSigning(row)}
                    >
                      确认
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Dialog
        header={shown ? `${shown.branchName} · ${shown.quarterLabel}` : ''}
        visible={shown !== null}
        width={760}
        top={24}
        onClose={() => setShown(null)}
        cancelBtn={null}
        confirmBtn="关闭"
        onConfirm={() => setShown(null)}
      >
        {shown ? <Breakdown rating={shown} /> : null}
      </Dialog>
      <FormDialog
        header={adjusting ? `调整星级：${adjusting.branchName}` : '调整星级'}
        visible={adjusting !== null}
        onClose={() => setAdjusting(null)}
        form={form}
        confirmText="保存调整"
        initial={adjusting ? { stars: adjusting.stars } : undefined}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const stars = Number(f.choice<string>('stars'));
          const r = await call('admin', 'adjustStars', {
            ratingId: adjusting!.ratingId,
            stars,
            reason: f.text('reason'),
          });
          reload();
          return `已将${r.branchName}调整为${starName(r.stars)}，尚待确认`;
        }}
      >
        {adjusting ? (
          <p className="hint">
            计算得分 {adjusting.proposed.score} 分，{starName(adjusting.proposed.stars)}
            。调整和理由会记入记录与操作日志。
          </p>
        ) : null}
        <FormItem label="星级" name="stars" rules={[requiredPick('星级')]}>
          <Select options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${starText(n)} ${starName(n)}` }))} />
        </FormItem>
        <FormItem
          label="调整理由"
          name="reason"
          rules={[required('调整理由'), minChars(4, '调整理由至少 4 个字'), maxChars(200, '调整理由最多 200 个字')]}
        >
          <Textarea autosize={{ minRows: 3 }} placeholder="例如：主题党日另有台账记录，经核实予以认可" />
        </FormItem>
      </FormDialog>
      <Dialog
        header="确认星级"
        visible={signing !== null}
        onClose={() => setSigning(null)}
        confirmBtn={{ content: '确认星级', className: 'stars__signoff-confirm' }}
        cancelBtn="再看看"
        onConfirm={() => {
          if (signing) void signOff(signing);
          setSigning(null);
        }}
      >
        {signing
          ? `确认「${signing.branchName}」${signing.quarterLabel}为${starName(signing.stars)}（${starText(signing.stars)}）？确认后不能再调整，星级将显示在党支部、数据看板和地图上。`
          : null}
      </Dialog>
    </div>
  );
}
