/**
 * Bookable services and rooms at a few of the seeded stations, with weekly templates: the 党群服务中心's
 * rooms used "一室多用" (泰宁's 红色邻里之家), 三官一律 legal advice, 健康义诊, 心理辅导, guided tours
 * at the tourist red stations, and 北流's 1元理发.
 */
import type { Template } from '../slots/model';

const SERVICE_WEEK: Template = { weekdays: [2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00', slotMinutes: 60, capacity: 10 };
const ROOM_DAYS: Template = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '21:00', slotMinutes: 120, capacity: 1 };

export const DEMO_ITEMS: { _id: string; stationId: string; name: string; kind: 'service' | 'room'; serviceCode: string | null; description: string; template: Template }[] = [
  { _id: 'it-yf-center-room', stationId: 'st-yf-center', name: '多功能活动室', kind: 'room', serviceCode: 'room', description: '可容纳 30 人，一室多用：支部议事、居民说事、党员理事', template: ROOM_DAYS },
  { _id: 'it-yf-center-legal', stationId: 'st-yf-center', name: '三官一律法律咨询', kind: 'service', serviceCode: 'legal', description: '法官、检察官、警官、律师轮值坐班', template: SERVICE_WEEK },
  { _id: 'it-yf-fengshan-guide', stationId: 'st-yf-fengshan', name: '红色导游讲解', kind: 'service', serviceCode: 'guide', description: '党员志愿者带你走读凤山红色故事', template: { ...SERVICE_WEEK, capacity: 20 } },
  { _id: 'it-lc-center-health', stationId: 'st-lc-center', name: '健康义诊', kind: 'service', serviceCode: 'health', description: '县人民医院医生志愿坐诊：测血压、血糖、用药咨询', template: SERVICE_WEEK },
  { _id: 'it-lc-center-counselling', stationId: 'st-lc-center', name: '心理辅导', kind: 'service', serviceCode: 'counselling', description: '一对一心理咨询，保护隐私', template: { ...SERVICE_WEEK, capacity: 2 } },
  { _id: 'it-bl-guitang-haircut', stationId: 'st-bl-guitang', name: '1元理发', kind: 'service', serviceCode: 'haircut1', description: '党员志愿者理发，1 元公益', template: { ...SERVICE_WEEK, slotMinutes: 30, capacity: 3 } },
  { _id: 'it-tn-qingyun-room', stationId: 'st-tn-qingyun', name: '红色邻里之家议事室', kind: 'room', serviceCode: 'talk', description: '居民说事、党员理事、支部议事', template: ROOM_DAYS },
];

/** Days of slots seeded from the first start. */
export const SEED_SLOT_DAYS = 14;

/**
 * 永福's time-sliced vaccination: half-hour slices morning and afternoon, 30 a slice, 10 of them held
 * for the over-60 green channel until 18:00 the day before.
 */
export const VACCINE_TEMPLATES: Template[] = [
  { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:30', end: '11:30', slotMinutes: 30, capacity: 30, green: { seats: 10, releaseTime: '18:00' } },
  { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '14:30', end: '17:00', slotMinutes: 30, capacity: 30, green: { seats: 10, releaseTime: '18:00' } },
];
