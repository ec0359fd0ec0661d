/**
 * Asks a person, on weapp, to receive WeChat subscribe messages for a module, right after they
 * booked, made a vaccination appointment, redeemed goods or asked for help. WeChat only lets a tap
 * start `requestSubscribeMessage`, and the tap that booked is spent by the time the answer arrives:
 * so a short modal asks first and its 「接收提醒」 tap starts it. One-time subscriptions: each accept is
 * good for one message of that template. A no-op on H5, and where the build has no template ids.
 */
import Taro from '@tarojs/taro';

export type SubscribeMoment = 'booking' | 'vaccine' | 'points' | 'requests' | 'activities';

const WHAT: Record<SubscribeMoment, string> = {
  booking: '预约提醒和候补结果',
  vaccine: '接种前一天的提醒',
  points: '兑换领取到期前的提醒',
  requests: '诉求、心愿的办理进度',
  activities: '支部活动通知',
};

export function templateIdsFor(moment: SubscribeMoment): string[] {
  if (process.env.TARO_ENV !== 'weapp') return [];
  const configured = typeof SUBSCRIBE_TEMPLATES === 'undefined' ? {} : SUBSCRIBE_TEMPLATES;
  return configured[moment] ?? [];
}

/** Never throws and never blocks the flow it follows: a refusal only means the 消息 inbox alone will tell them. */
export async function askToSubscribe(moment: SubscribeMoment): Promise<void> {
  const tmplIds = templateIdsFor(moment);
  if (tmplIds.length === 0) return;
  try {
    const { confirm } = await Taro.showModal({
      title: '接收微信提醒',
      content: `是否通过微信服务通知接收${WHAT[moment]}？不接收也可以在“我的 → 消息”查看。`,
      confirmText: '接收提醒',
      cancelText: '不用了',
    });
    if (!confirm) return;
    await Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0]);
  } catch {
    // Declined, switched off in settings, or an older WeChat: the inbox still has every message.
  }
}
