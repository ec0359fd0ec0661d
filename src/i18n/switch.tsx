import { View } from '@tarojs/components';
import { a11y } from '../components/layout/a11y';
import type { Lang, Words } from './index';
import './switch.scss';

/** The language switch: names the other language in its own words (English / 中文); remembered on the device. */
export default function LangSwitch({
  lang,
  words,
  onChange,
  hero = false,
}: {
  lang: Lang;
  words: Words;
  onChange: (l: Lang) => void;
  /** On a page's red header (white on red). */
  hero?: boolean;
}) {
  return (
    <View
      className={`lang-switch ${hero ? 'lang-switch--hero' : ''}`}
      {...a11y({ role: 'button', label: words.switchLabel })}
      {...(lang === 'en' ? { lang: 'zh-CN' } : { lang: 'en' })}
      onClick={() => onChange(lang === 'en' ? 'zh' : 'en')}
    >
      {words.switchTo}
    </View>
  );
}
