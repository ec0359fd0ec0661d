import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { FormError, useFieldErrors } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import ResourceView, { useResource } from '../../../../components/resource';
import { PhotoField, TextAreaField, type Photo } from '../../../help/components';
import { MAX_MEETING_PHOTOS } from '../../../../../domain/meetings/labels';
import { meetingDetail, meetingTime, recordMinutes } from '../../api';
import '../../../help/help.scss';
import '../../meetings.scss';

const FIELDS = { minutes: 'minutes', photos: 'photos' } as const;

/** 会议记录: after the start, the secretary writes the minutes and adds photos; attendance then becomes final. */
export default function MinutesPage() {
  const [elder, setElder] = useElderMode();
  const id = useRouter().params.id ?? '';
  const detail = useResource(() => meetingDetail(id), [id]);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const errors = useFieldErrors(FIELDS);
  const intent = useIntention({ text, photos: photos.map((p) => p.fileId) });

  const submit = () => {
    const m = detail.data;
    if (!m) return;
    errors.clear();
    if (text.trim().length < 10) return errors.set('minutes', '会议记录至少 10 个字');
    const present = m.people.filter((p) => p.state === 'present').length;
    const leave = m.people.filter((p) => p.state === 'onLeave').length;
    const absent = m.people.filter((p) => p.role === 'member').length - present - leave;
    return void intent.run(
      () =>
        recordMinutes(
          m.meetingId,
          text.trim(),
          photos.map((p) => p.fileId),
        ),
      {
        confirm: {
          title: '确认会议记录',
          content: `记录「${m.title}」（${meetingTime(m.startAt, m.endAt)}）：出席 ${present} 人、请假 ${leave} 人、缺席 ${absent} 人，照片 ${photos.length} 张。记录后签到关闭，出勤不再改变。`,
          confirmText: '记录',
        },
        success: '已记录',
        onSuccess: () => void Taro.navigateBack(),
        onError: errors.show,
      },
    );
  };

  return (
    <ElderPage elder={elder} className="meeting-minutes-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={detail}>
        {(m) => (
          <View className="card">
            <View className="card__title">
              {m.typeName}「{m.title}」
            </View>
            <View className="muted">
              {meetingTime(m.startAt, m.endAt)} · {m.place}
            </View>
            <TextAreaField
              label="会议记录"
              name="minutes"
              value={text}
              maxlength={2000}
              placeholder="会议议程、发言要点、形成的决定"
              onChange={(v) => {
                setText(v);
                errors.set('minutes', null);
              }}
              error={errors.errors.minutes}
              required
            />
            <PhotoField
              label="会议照片"
              name="photos"
              value={photos}
              onChange={setPhotos}
              max={MAX_MEETING_PHOTOS}
              error={errors.errors.photos}
            />
            <View className="form-actions">
              <Button
                className="meeting-minutes__submit"
                type="primary"
                block
                loading={intent.busy}
                disabled={intent.busy}
                onClick={submit}
              >
                记录并确定出勤
              </Button>
            </View>
            <FormError message={errors.formError} />
          </View>
        )}
      </ResourceView>
    </ElderPage>
  );
}
