import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { a11y } from '../layout/a11y';
import { AGREE_BUTTON_ID, answerPrivacy, watchPrivacy } from './answer';
import type { Waiting } from './gate';
import './privacy-sheet.scss';

/** The feature the person just tapped, named by what WeChat says is waiting (short: it also goes in a toast). */
export function featureOf(referrer: string): string {
  if (/location/i.test(referrer)) return '按距离排序';
  if (/saveImage|saveVideo/i.test(referrer)) return '保存到相册';
  if (/image|media|photo|album|camera/i.test(referrer)) return '选择照片';
  if (/phone/i.test(referrer)) return '使用微信手机号';
  if (/clipboard/i.test(referrer)) return '复制';
  return '这项功能';
}

/** What the app uses and why, in plain words (the county's guide in the admin console says the same, at length). */
export const USES: readonly string[] = [
  '位置：只在你打开「离我最近」时用来排列附近的驿站和接种点，不保存',
  '照片：你为微心愿、诉求、进展和办结选择的照片',
  '相册（仅写入）：你点「保存到相册」时，保存路线证书图片',
  '微信手机号：你点「使用微信手机号」时，填写接种人、志愿者或联系电话',
  '剪贴板：工作人员复制导出的台账或管理后台地址',
];

/**
 * The privacy sheet (weapp): shown while WeChat holds a privacy API for the person's agreement. 同意 is
 * WeChat's `agreePrivacyAuthorization` button and answers every held API with its id; 暂不同意 answers
 * disagree — only that feature stops, and says so; everything else goes on. `onClose` leaves the sheet.
 */
export default function PrivacySheet({ onClose }: { onClose: () => void }) {
  const [waiting, setWaiting] = useState<readonly Waiting[]>([]);
  const told = useRef(new Set<Waiting>());
  const answered = useRef(false);

  useEffect(() => {
    const stop = watchPrivacy((all) => {
      // WeChat asks to be told the sheet was seen, once for each held API, before the answer.
      for (const w of all) {
        if (told.current.has(w)) continue;
        told.current.add(w);
        w.resolve({ event: 'exposureAuthorization' });
      }
      setWaiting(all);
    });
    return () => {
      stop();
      // Left without an answer (back button): the held APIs fail instead of waiting for ever.
      answerPrivacy('disagree');
    };
  }, []);

  const feature = featureOf(waiting[0]?.referrer ?? '');
  const agree = () => {
    if (answered.current) return;
    answered.current = true;
    answerPrivacy('agree');
    onClose();
  };
  const decline = () => {
    if (answered.current) return;
    answered.current = true;
    answerPrivacy('disagree');
    void Taro.showToast({ title: `未同意，「${feature}」暂不能用，其他功能照常`, icon: 'none', duration: 3000 });
    onClose();
  };

  if (waiting.length === 0) return null;
  return (
    <View className="privacy-sheet" role="dialog" aria-modal="true" aria-labelledby="privacy-sheet-title">
      <View className="privacy-sheet__panel">
        <View className="privacy-sheet__title" id="privacy-sheet-title">
          隐私保护提示
        </View>
        <View className="privacy-sheet__text">
          {`使用「${feature}」前，请阅读并同意`}
          <Text
            className="privacy-sheet__link"
            {...a11y({ role: 'link' })}
            onClick={() => Taro.openPrivacyContract({ fail: () => undefined })}
          >
            《用户隐私保护指引》
          </Text>
          。先锋驿站只在你用到时处理这些信息：
        </View>
        <View className="privacy-sheet__uses">
          {USES.map((u) => (
            <View key={u} className="privacy-sheet__use">
              {`· ${u}`}
            </View>
          ))}
        </View>
        <View className="privacy-sheet__text muted">不同意也可以继续使用其他功能，需要时再点一次即可。</View>
        <View className="privacy-sheet__actions">
          <Button className="privacy-sheet__decline" onClick={decline}>
            暂不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-sheet__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={agree}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
