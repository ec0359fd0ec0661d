import { View } from '@tarojs/components';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { dayjs } from '../../../../utils/time';
import { ROUTES } from '../../../../routes';
import { getMyPartyBirthday } from '../../api';
import '../../notices.scss';

const dateText = (d: string) => dayjs(d).format('YYYY年M月D日');

/** 政治生日: the member's card (「入党 N 周年」) once their day has come, else their 入党日期. */
export default function PartyBirthdayPage() {
  const [elder, setElder] = useElderMode();
  const me = useResource(getMyPartyBirthday, []);
  return (
    <ElderPage elder={elder} className="party-birthday-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={me}>
        {(b) =>
          b.card ? (
            <View className="birthday-card">
              <View className="birthday-card__flag">★</View>
              <View className="birthday-card__years">{`入党 ${b.card.years} 周年`}</View>
              <View className="birthday-card__text">
                {`${dateText(b.joinDate ?? b.card.day)}，你光荣地加入中国共产党。`}
              </View>
              <View className="birthday-card__text">{`${b.card.branchName ? `${b.card.branchName}祝你` : '祝你'}政治生日快乐！不忘初心，牢记使命。`}</View>
            </View>
          ) : b.joinDate ? (
            <View className="card notice-card">
              <View className="notice-card__title">{`入党日期：${dateText(b.joinDate)}`}</View>
              <View className="notice-card__excerpt">{`每年 ${dayjs(b.joinDate).format('M月D日')} 早上 8 点，你会收到政治生日贺卡。`}</View>
            </View>
          ) : (
            <StateView
              kind="empty"
              message="还没有你的入党日期。请联系所在党支部书记登记"
              action={{ text: '回到首页', url: ROUTES.home }}
            />
          )
        }
      </ResourceView>
    </ElderPage>
  );
}
