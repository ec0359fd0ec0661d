import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { openMap } from '../../../../components/near-me/useNearMe';
import { PlacePicture } from '../../../../components/picture';
import ResourceView, { useResource } from '../../../../components/resource';
import { getSite, type SiteDetail } from '../../../../services/vaccine';
import { routeUrl } from '../../../../routes';
import './index.scss';
import { ElderPage } from '../../../../components/elder-mode';

function SiteDetailView({ site }: { site: SiteDetail }) {
  return (
    <ElderPage className="site-detail">
      <View className="hero site-hero">
        <View className="hero__title">{site.name}</View>
        <View className="hero__sub">{site.status === 'open' ? '正常接种' : `暂停接种：${site.notice}`}</View>
      </View>
      <View className="site-cover">
        <PlacePicture place={{ name: site.name, kind: 'vaccine', picture: site.picture }} size="l" />
      </View>
      <View className="card">
        <Cell title="地址" description={`${site.county}${site.town} ${site.address}`} />
        <Cell title="接种时间" description={site.openHours || '以现场公示为准'} />
        {site.contact ? <Cell title="咨询电话" description={site.contact} /> : null}
        {site.location ? (
          <Button
            className="site-navigate"
            fill="outline"
            type="primary"
            block
            onClick={() =>
              openMap({ lat: site.location!.lat, lng: site.location!.lng, name: site.name, address: site.address })
            }
          >
            导航前往
          </Button>
        ) : null}
        <Cell
          title="志愿服务"
          description={`${site.volunteerBranch.name}，${site.volunteerBranch.volunteers} 名志愿者`}
        />
        {site.status === 'open' ? (
          <Button
            className="appoint-button"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routeUrl('vaccineAppoint', { siteId: site.siteId }) })}
          >
            预约接种
          </Button>
        ) : null}
      </View>
      <View className="card">
        <View className="card__title">可接种疫苗</View>
        {site.offers.length === 0 ? <Text className="muted">暂无</Text> : null}
        {site.offers.map((v) => (
          <View key={v.code} className="muted">
            {`${v.name}（${v.maker}）· 共 ${v.doses} 剂${v.intervalDays ? `，间隔不少于 ${v.intervalDays} 天` : ''}`}
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card__title">便民设施</View>
        <View>
          {site.amenities.map((a) => (
            <Text key={a} className="tag">
              {a}
            </Text>
          ))}
        </View>
      </View>
    </ElderPage>
  );
}

export default function SiteDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const resource = useResource(
    () =>
      getSite(id).then((value) => {
        void Taro.setNavigationBarTitle({ title: value.name });
        return value;
      }),
    [id],
  );
  useShareAppMessage(() => ({
    title: resource.data ? `${resource.data.name}：可在线预约接种` : '红色疫苗接种点',
    path: routeUrl('vaccineSite', { id }),
  }));
  return <ResourceView resource={resource}>{(value) => <SiteDetailView site={value} />}</ResourceView>;
}
