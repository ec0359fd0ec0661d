import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import StateView from '../../../../components/state-view';
import { errorMessage } from '../../../../services/transport';
import { getSite, type SiteDetail } from '../../../../services/vaccine';

export default function SiteDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [site, setSite] = useState<SiteDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    getSite(id).then(
      (s) => {
        setSite(s);
        void Taro.setNavigationBarTitle({ title: s.name });
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  useEffect(load, [id]);

  if (error) return <StateView kind="error" message={error} onAction={load} />;
  if (!site) return <StateView kind="loading" />;
  return (
    <View className="page site-detail">
      <View className="hero">
        <View className="hero__title">{site.name}</View>
        <View className="hero__sub">{site.status === 'open' ? '正常接种' : `暂停接种：${site.notice}`}</View>
      </View>
      <View className="card">
        <Cell title="地址" description={`${site.county}${site.town} ${site.address}`} />
        <Cell title="接种时间" description={site.openHours || '以现场公示为准'} />
        {site.contact ? <Cell title="咨询电话" description={site.contact} /> : null}
        <Cell title="志愿服务" description={`${site.volunteerBranch.name}，${site.volunteerBranch.volunteers} 名志愿者`} />
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
    </View>
  );
}
