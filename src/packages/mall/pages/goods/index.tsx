import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { GoodsPicture } from '../../../../components/picture';
import { useConsoleStep } from '../../../../components/state-view/console-step';
import { goodsArt } from '../../../../artwork';
import { listGoods, type GoodsItem } from '../../../../services/points';
import { ROUTES, routeUrl } from '../../../../routes';
import '../../mall.scss';
import './index.scss';
import { ElderPage } from '../../../../components/elder-mode';

function GoodsCard({ goods }: { goods: GoodsItem }) {
  return (
    <View
      className="card goods-card"
      onClick={() => void Taro.navigateTo({ url: routeUrl('mallDetail', { id: goods.goodsId }) })}
    >
      <GoodsPicture goods={goods} />
      <View className="goods-card__body">
        <View className="card__title goods-card__name">{goods.name}</View>
        {goods.description ? <View className="muted goods-card__text">{goods.description}</View> : null}
        <View>
          <Text className="goods-card__price">{`${goods.price} 积分`}</Text>
          <Text className="muted">{goods.stock > 0 ? `  剩余 ${goods.stock}` : '  已兑完'}</Text>
        </View>
        <View>
          <Text className="tag tag--grey">{`每人限 ${goods.perUserLimit} 件`}</Text>
          {goods.eventId ? <Text className="tag">兑换日专享</Text> : null}
        </View>
      </View>
    </View>
  );
}

export default function GoodsPage() {
  const list = usePagedPage<GoodsItem>((cursor) => listGoods(cursor), []);
  const nextStep = useConsoleStep(list, '商品', { text: '看看我的积分', url: ROUTES.points });
  useShareAppMessage(() => ({ title: '先锋驿站积分商城：积分兑换好物', path: ROUTES.mallGoods }));
  return (
    <ElderPage className="mall-page">
      <PagedList
        list={list}
        keyOf={(g) => g.goodsId}
        emptyText="商城还没有可兑换的商品，上架后会显示在这里"
        emptyAction={nextStep}
        emptyPicture={goodsArt('other')}
        renderItem={(g) => <GoodsCard goods={g} />}
      />
    </ElderPage>
  );
}
