import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';

const MODULES = [
  { title: '智能积分兑换', text: '参加三会一课、主题党日、志愿服务赚积分，到积分商城兑换', url: '/pages/points/index' },
  { title: '红色驿站预约', text: '查找红色驿站和党群服务中心，预约服务与活动室', url: '/pages/stations/index' },
  { title: '红色疫苗接种点', text: '接种点信息与分时段预约，60 岁以上老人走绿色通道', url: '/pages/vaccine/index' },
];

export default function HomePage() {
  return (
    <View className="page">
      <View className="hero">
        <View className="hero__title">先锋驿站</View>
        <View className="hero__sub">群众点单、支部下单、党员接单</View>
      </View>
      {MODULES.map((m) => (
        <View key={m.title} className="card home-module" onClick={() => void Taro.switchTab({ url: m.url })}>
          <View className="card__title">{m.title}</View>
          <Text className="muted">{m.text}</Text>
        </View>
      ))}
    </View>
  );
}
