/** Kinds of station, as the articles name them. Free of dependencies: the app imports it too. */
export const STATION_KINDS = {
  tourism: '旅游驿站',
  center: '党群服务中心',
  warm: '暖心驿站',
  hut: '党群服务小屋',
  neighbour: '红色邻里之家',
  love: '爱心驿站',
  pioneer: '先锋联盟工作站',
  street: '党建示范街区',
} as const;
export type StationKind = keyof typeof STATION_KINDS;
