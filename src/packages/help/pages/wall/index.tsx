import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listWall, type WallWish } from '../../../../services/requests';
import { formatDate } from '../../../../utils/time';
import { go, StatusTag } from '../../components';
import { ROUTES } from '../../../../routes';
import '../../help.scss';

function WishCard({ w }: { w: WallWish }) {
  return (
    <View className={`help-card help-wish help-wish--${w.status}`}>
      <View className="help-card__main">
        <View className="help-card__title">{w.title}</View>
        <View className="help-card__meta help-wish__who">{`${w.maskedName} · ${w.unitName}`}</View>
        <View className="help-card__meta">{`${w.category} · ${formatDate(w.createdAt)}`}</View>
        <View className="help-card__foot">
          <StatusTag status={w.status} label={w.statusLabel} />
          {w.status === 'confirmed' ? <Text className="help-wish__done">心愿已圆</Text> : null}
        </View>
      </View>
    </View>
  );
}

/** 心愿墙: residents' public wishes, names masked, with where each stands. */
export default function WallPage() {
  const [elder, setElder] = useElderMode();
  const list = usePagedPage((cursor) => listWall(cursor), []);
  return (
    <ElderPage elder={elder} className="help-wall-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="help-intro">
        <View className="help-intro__title">圆梦微心愿</View>
        <View className="help-intro__text">群众的小心愿，由党员和志愿者认领帮助实现。姓名已脱敏。</View>
      </View>
      <View className="card">
        <Button className="help-wall__ask" block type="primary" onClick={() => go(ROUTES.helpAsk)}>
          我也有心愿
        </Button>
      </View>
      <PagedList
        list={list}
        keyOf={(w) => w.id}
        emptyText="心愿墙上还没有心愿。有小心愿，可在「群众点单」里提出"
        emptyAction={{ text: '我要点单', url: ROUTES.helpAsk }}
        renderItem={(w) => <WishCard w={w} />}
      />
    </ElderPage>
  );
}
