/**
 * 我的足迹: where the person checked in, newest first, with how many places and routes so far — in the page's
 * language (the list drawn here, in the catalogue's words, rather than by the Chinese-only PagedList).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ElderPage } from '../../../../components/elder-mode';
import { usePagedPage } from '../../../../components/paged-list';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getFootprint, type FootprintItem, type FootprintSummary } from '../../../../services/map';
import { ROUTES, routeUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/time';
import LangSwitch from '../../../../i18n/switch';
import { hasChinese, momentIn, nameIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
import { SignInFirst } from '../../loaded';
import './index.scss';

function Summary({ summary, words }: { summary: FootprintSummary; words: Words }) {
  const w = words.footprint;
  const cells: [string, number, string][] = [
    ['checkins', summary.checkins, w.checkins(summary.checkins)],
    ['places', summary.landmarks, w.places(summary.landmarks)],
    ['routes', summary.routes, w.routes(summary.routes)],
  ];
  return (
    <View className="footprint-summary">
      {cells.map(([key, n, label]) => (
        <View key={key} className="footprint-summary__cell">
          <Text className="footprint-summary__n">{n}</Text>
          <Text className="footprint-summary__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

function Item({ item, lang, words }: { item: FootprintItem; lang: Lang; words: Words }) {
  const name = nameIn(lang, item);
  const when = lang === 'en' ? momentIn(lang, item.at) : formatDateTime(item.at);
  const points = item.points > 0 ? ` · ${words.footprint.points(item.points)}` : '';
  return (
    <View
      className="card footprint-item"
      onClick={() => void Taro.navigateTo({ url: routeUrl('mapLandmark', { id: item.landmarkId }) })}
    >
      <View className="footprint-item__name" {...zhMark(lang, name)}>
        {name.text}
      </View>
      <View className="footprint-item__meta">{`${words.kindLabels[item.kind]} · ${when}${points}`}</View>
    </View>
  );
}

export default function FootprintPage() {
  const signedOut = needsSignIn();
  const [lang, words, setLang] = useLang((w) => w.footprint.title);
  const [summary, setSummary] = useState<FootprintSummary | null>(null);
  const list = usePagedPage<FootprintItem>(
    (cursor) =>
      signedOut
        ? Promise.resolve({ items: [], nextCursor: null })
        : getFootprint(cursor).then((page) => {
            setSummary(page.summary);
            return page;
          }),
    [signedOut],
  );
  if (signedOut) return <SignInFirst words={words} from={ROUTES.mapFootprint} />;
  const w = words.footprint;
  // The server words its failures in Chinese: an English page says a general sentence.
  const failure = list.error && lang === 'en' && hasChinese(list.error) ? words.failed : list.error;
  let body;
  if (list.loading) body = <StateView kind="loading" message={words.loading} />;
  else if (failure && list.items.length === 0)
    body = <StateView kind="error" message={failure} actionText={words.retry} onAction={list.reload} />;
  else if (list.items.length === 0)
    body = <StateView kind="empty" message={w.empty} action={{ text: w.openMap, url: ROUTES.mapHome }} />;
  else
    body = (
      <View className="paged-list">
        {list.items.map((item) => (
          <View key={item.checkinId} className="paged-list__item">
            <Item item={item} lang={lang} words={words} />
          </View>
        ))}
        <View className="paged-list__footer">
          {failure ? (
            <Button size="mini" onClick={list.loadMore}>
              {w.moreFailed(failure)}
            </Button>
          ) : list.hasMore ? (
            <Button size="mini" loading={list.loadingMore} disabled={list.loadingMore} onClick={list.loadMore}>
              {list.loadingMore ? w.loadingMore : w.more}
            </Button>
          ) : (
            <View className="paged-list__end">{w.end}</View>
          )}
        </View>
      </View>
    );
  return (
    <ElderPage className={`footprint-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <View className="footprint-head">
        <LangSwitch lang={lang} words={words} onChange={setLang} />
      </View>
      {summary ? <Summary summary={summary} words={words} /> : null}
      {body}
    </ElderPage>
  );
}
