import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import PrivacySheet from '../../../../components/privacy-sheet/PrivacySheet';

/**
 * Where the app's privacy listener (src/app.ts) sends the person while WeChat holds a privacy API: the sheet over
 * the page they came from, in its own subpackage so the main package carries only the listener.
 */
export default function PrivacyAgreePage() {
  const [elder] = useElderMode();
  return (
    <ElderPage elder={elder} className="privacy-agree-page">
      <View className="card muted">
        用到位置、照片、微信手机号或复制时，先锋驿站会在这里请你阅读并同意《用户隐私保护指引》。
      </View>
      <PrivacySheet
        onClose={() => void Taro.navigateBack({ fail: () => void Taro.switchTab({ url: '/pages/index/index' }) })}
      />
    </ElderPage>
  );
}
