/** Subscribe templates from configuration, the weapp build's template ids, and the delivering function's permission. */
import { subscribeTemplates } from '../../config/subscribe-templates';
import { functionConfig } from '../../scripts/cloudbaserc';
import { messageTemplates, templateData, templateFor } from './templates';

const CONFIG = {
  'booking.reminder': { templateId: 'tpl-remind', fields: { thing1: 'item', time2: 'time', thing3: 'body' } },
  'booking.*': { templateId: 'tpl-booking', fields: { thing1: 'title', phrase2: 'status' } },
  'requests.*': { templateId: 'tpl-progress', fields: { thing1: 'title' } },
};

test("a kind finds its own template, else its module's, else none; bad configuration counts as none", () => {
  const raw = JSON.stringify(CONFIG);
  expect(messageTemplates(raw)['booking.reminder']!.templateId).toBe('tpl-remind');
  process.env.MESSAGE_TEMPLATES = raw;
  try {
    expect(templateFor('booking', 'reminder')?.templateId).toBe('tpl-remind');
    expect(templateFor('booking', 'cancelled')?.templateId).toBe('tpl-booking');
    expect(templateFor('vaccine', 'reminder')).toBeNull();
  } finally {
    delete process.env.MESSAGE_TEMPLATES;
  }
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(messageTemplates('{not json')).toEqual({});
  expect(messageTemplates(JSON.stringify({ 'booking.x': { templateId: '' } }))).toEqual({});
  expect(errors).toHaveBeenCalledTimes(2);
  errors.mockRestore();
});

test("template data fills every keyword within its type's length", () => {
  const data = templateData(CONFIG['booking.reminder'], {
    title: '预约提醒',
    body: '你预约的「多功能活动室（二楼大会议室）」将于 11月24日 10:00 开始，请准时到场',
    moduleLabel: '驿站预约',
    data: { item: '多功能活动室', time: '11月24日 10:00-11:00' },
  });
  expect(data.thing1).toEqual({ value: '多功能活动室' });
  expect(data.time2).toEqual({ value: '11月24日 10:00-11:00' });
  expect([...data.thing3!.value]).toHaveLength(20);
  expect(data.thing3!.value.endsWith('…')).toBe(true);
  // A missing value is never empty (WeChat refuses an empty keyword).
  expect(templateData(CONFIG['booking.*'], { title: 't', body: 'b', moduleLabel: 'm', data: {} }).phrase2).toEqual({
    value: '无',
  });
});

test('the weapp build asks for at most three distinct template ids per module; H5 for none', () => {
  const env = { MESSAGE_TEMPLATES: JSON.stringify(CONFIG) } as NodeJS.ProcessEnv;
  expect(subscribeTemplates(env, 'weapp')).toEqual({
    booking: ['tpl-remind', 'tpl-booking'],
    requests: ['tpl-progress'],
  });
  expect(subscribeTemplates(env, 'h5')).toEqual({});
  expect(subscribeTemplates({} as NodeJS.ProcessEnv, 'weapp')).toEqual({});
});

test('only the function that delivers may call subscribeMessage.send; the others ask only what they use', () => {
  expect(functionConfig('user').permissions.openapi).toEqual(['subscribeMessage.send']);
  // stations: the content check of what admins write, and the posters' mini-program codes.
  expect(functionConfig('stations').permissions.openapi).toEqual(['security.msgSecCheck', 'wxacode.getUnlimited']);
});
