import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View, Text } from '@tarojs/components';
import { a11y } from '../../components/layout/a11y';
import { distanceText, useNearMe } from '../../components/near-me/useNearMe';
import { Icon } from '../../components/picture/icon';
import { usePlaceArt } from '../../components/picture/lazy-art';
import { ROUTES, routeUrl } from '../../routes';
import '../stations/index.scss';
import PagedList, { usePagedPage } from '../../components/paged-list';
import SignInPrompt from '../../components/sign-in-prompt';
import { useConsoleStep } from '../../components/state-view/console-step';
import { needsSignIn } from '../../services/session';
import { listSitesNear, type SiteSummary } from '../../services/vaccine';
import { ElderPage } from '../../components/elder-mode';

type SiteRow = SiteSummary & { todayRemaining: number; distance?: number | null };

const LINKS = [
  { text: '接种人', url: ROUTES.vaccinePeople },
  { text: '我的接种预约', url: ROUTES.vaccineMine },
];

/** A site's photo; else the sites' illustration on H5 (lazily) or, on weapp, the compact syringe tile. */
function SiteThumb({ picture }: { picture: string | null }) {
  const art = usePlaceArt('vaccine');
  const src = picture || art;
  if (src) return <Image className="site-card__picture" src={src} mode="aspectFill" {...a11y({ hidden: true })} />;
  return (
    <View className="site-card__icon" {...a11y({ hidden: true })}>
      <Icon name="syringe" colour="#006d75" />
    </View>
  );
}

export default function VaccinePage() {
  const signedOut = needsSignIn();
  const [near, sortByDistance, nearProblem] = useNearMe();
  const [vaccine, setVaccine] = useState<string | undefined>();
  const [seen, setSeen] = useState<{ code: string; name: string }[]>([]);
  const list = usePagedPage<SiteRow>(
    async (cursor) => {
      if (signedOut) return { items: [], nextCursor: null };
      const page = await listSitesNear({ cursor, near: near ?? undefined, vaccine });
      // Filter chips come from the vaccines the sites actually offer.
      setSeen((prev) => {
        const all = new Map(prev.map((v) => [v.code, v]));
        for (const site of page.items)
          for (const offer of site.offers)
            all.set(offer.code, { code: offer.code, name: `${offer.name}（${offer.maker}）` });
        return [...all.values()];
      });
      return page;
    },
    [signedOut, near, vaccine],
  );
  const nextStep = useConsoleStep(list, '接种点', { text: '回到首页', url: ROUTES.home });

  if (signedOut) return <SignInPrompt from={ROUTES.vaccine} />;
  return (
    <ElderPage className="vaccine-page">
      <View className="card points-links vaccine-links">
        {LINKS.map((l) => (
          <Text
            key={l.url}
            className="vaccine-link"
            {...a11y({ role: 'link' })}
            onClick={() => void Taro.navigateTo({ url: l.url })}
          >
            {l.text}
          </Text>
        ))}
      </View>
      <View className="card">
        <Text className="muted">
          各接种点设临时志愿服务党支部，提供遮阳伞、电扇和免费饮用水；60 岁以上老人可走绿色通道。
        </Text>
        <View>
          <Text
            className={`tag chip ${near ? '' : 'tag--grey'}`}
            {...a11y({ role: 'button', pressed: !!near })}
            onClick={() => void sortByDistance()}
          >
            {near ? '✓ 离我最近' : '离我最近'}
          </Text>
          <Text
            className={`tag chip ${vaccine ? 'tag--grey' : ''}`}
            {...a11y({ role: 'button', pressed: !vaccine })}
            onClick={() => setVaccine(undefined)}
          >
            全部疫苗
          </Text>
          {seen.map((v) => (
            <Text
              key={v.code}
              className={`tag chip ${vaccine === v.code ? '' : 'tag--grey'}`}
              {...a11y({ role: 'button', pressed: vaccine === v.code })}
              onClick={() => setVaccine(v.code)}
            >
              {v.name}
            </Text>
          ))}
        </View>
      </View>
      {nearProblem && !near ? <View className="near-problem">{nearProblem}</View> : null}
      <PagedList
        list={list}
        keyOf={(s) => s.siteId}
        emptyText={vaccine ? '没有提供这种疫苗的接种点' : '还没有接种点，管理员添加后会显示在这里'}
        emptyAction={nextStep}
        renderItem={(s) => (
          <View
            className="card site-card"
            onClick={() => void Taro.navigateTo({ url: routeUrl('vaccineSite', { id: s.siteId }) })}
          >
            <View className="site-card__head">
              <SiteThumb picture={s.picture} />
              <View className="site-card__body">
                <View className="card__title site-card__name">{s.name}</View>
                <View className="muted">{s.address}</View>
              </View>
            </View>
            <View>
              <Text className={s.status === 'open' ? 'tag' : 'tag tag--grey'}>{s.statusLabel}</Text>
              {s.status === 'open' ? <Text className="tag tag--grey">{`今日余 ${s.todayRemaining}`}</Text> : null}
              {typeof s.distance === 'number' ? (
                <Text className="tag tag--grey">{distanceText(s.distance)}</Text>
              ) : null}
              {s.vaccines.map((v) => (
                <Text key={v} className="tag tag--grey">
                  {v}
                </Text>
              ))}
            </View>
            {s.status === 'paused' && s.notice ? <View className="muted">{s.notice}</View> : null}
          </View>
        )}
      />
    </ElderPage>
  );
}
