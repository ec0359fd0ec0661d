/**
 * Phone numbers by the platform: the CloudBase adapter through the real @cloudbase/node-sdk against a thin
 * stand-in for CloudBase's `wx.api` endpoint (the open API `phonenumber.getPhoneNumber`), and the local resolver.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudBasePhoneResolver } from './cloudbase';
import { LocalPhoneResolver } from './local';
import { PHONE_REFUSALS, resolvePhone } from './resolve';

interface Seen {
  action: unknown;
  apiName: unknown;
  requestData: unknown;
}

/** Answers `wx.api` as CloudBase does: `{ data: { responseData: <WeChat's JSON as a string> } }`, or a CloudBase `{ code }`. */
async function standIn(answer: (requestData: Record<string, unknown>) => unknown) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      seen.push({ action: body.action, apiName: body.apiName, requestData: body.requestData });
      const data = JSON.parse(String(body.requestData || '{}')) as Record<string, unknown>;
      const reply = answer(data);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify(
          reply && typeof reply === 'object' && 'code' in reply
            ? { ...reply, requestId: 'r1' }
            : { data: { responseData: JSON.stringify(reply) }, requestId: 'r1' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  const resolver = new CloudBasePhoneResolver({
    env: 'double-env',
    serviceUrl: url,
    secretId: 'double-secret-id',
    secretKey: 'double-secret-key',
  });
  return {
    seen,
    resolver,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const GOOD_CODE = 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144';
/** WeChat's documented answer: `phone_info` with purePhoneNumber and countryCode. */
const wechat = (data: Record<string, unknown>) =>
  data.code === GOOD_CODE
    ? {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: '13912345678',
          purePhoneNumber: '13912345678',
          countryCode: '86',
          watermark: { timestamp: 1637744274, appid: 'wx-double' },
        },
      }
    : data.code === 'foreign-code'
      ? {
          errcode: 0,
          errmsg: 'ok',
          phone_info: { phoneNumber: '+85291234567', purePhoneNumber: '91234567', countryCode: '852' },
        }
      : data.code === 'busy-code'
        ? { errcode: 45011, errmsg: 'api minute-quota reach limit, must slower, retry next minute' }
        : { errcode: 40029, errmsg: 'invalid code hint: [x] rid: r1' };

beforeAll(() => {
  // As a deployed function runs: no metadata-host lookup before each request.
  process.env.TENCENTCLOUD = 'true';
});

test('the CloudBase adapter calls phonenumber.getPhoneNumber with the code and takes purePhoneNumber', async () => {
  const api = await standIn(wechat);
  try {
    expect(await api.resolver.resolve(GOOD_CODE, 'o-resident')).toEqual({ ok: true, phone: '13912345678' });
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]!.action).toBe('wx.api');
    expect(api.seen[0]!.apiName).toBe('phonenumber.getPhoneNumber');
    expect(JSON.parse(String(api.seen[0]!.requestData))).toEqual({ code: GOOD_CODE, openid: 'o-resident' });
  } finally {
    await api.close();
  }
});

test('the CloudBase adapter: an invalid or used code (40029), a busy API (45011), a foreign number, a CloudBase refusal', async () => {
  const api = await standIn((data) =>
    data.code === 'denied-code' ? { code: 'PERMISSION_DENIED', message: 'no permission' } : wechat(data),
  );
  try {
    expect(await api.resolver.resolve('expired-code', 'o')).toEqual({ ok: false, refusal: 'invalid' });
    expect(await api.resolver.resolve('busy-code', 'o')).toEqual({ ok: false, refusal: 'busy' });
    expect(await api.resolver.resolve('foreign-code', 'o')).toEqual({ ok: false, refusal: 'foreign' });
    expect(await api.resolver.resolve('denied-code', 'o')).toEqual({ ok: false, refusal: 'unavailable' });
  } finally {
    await api.close();
  }
  // Nobody answering at all: worth another try, never a crash.
  expect(await api.resolver.resolve(GOOD_CODE, 'o')).toEqual({ ok: false, refusal: 'busy' });
});

test('the local resolver answers its own codes once, refuses any other, and knows busy', async () => {
  const local = new LocalPhoneResolver();
  expect(await local.resolve('local-phone-13800001111')).toEqual({ ok: true, phone: '13800001111' });
  expect(await local.resolve('local-phone-13800001111')).toEqual({ ok: false, refusal: 'invalid' });
  expect(await local.resolve(GOOD_CODE)).toEqual({ ok: false, refusal: 'invalid' });
  expect(await local.resolve('local-phone-85291234567')).toEqual({ ok: false, refusal: 'foreign' });
  expect(await local.resolve('local-phone-busy')).toEqual({ ok: false, refusal: 'busy' });
});

test('resolvePhone: typed is unverified, a code verified; both, neither or no resolver refused beside the field', async () => {
  const services = { phones: new LocalPhoneResolver() };
  const caller = { openid: 'o' };
  expect(await resolvePhone({ services, caller }, { phone: '13800002222' }, 'phone')).toEqual({
    phone: '13800002222',
    verified: false,
  });
  expect(await resolvePhone({ services, caller }, { code: 'local-phone-13800003333' }, 'phone')).toEqual({
    phone: '13800003333',
    verified: true,
  });
  await expect(
    resolvePhone({ services, caller }, { phone: '13800002222', code: 'local-phone-13800004444' }, 'phone'),
  ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'phone' });
  await expect(resolvePhone({ services, caller }, {}, 'contactPhone', '请填写联系电话')).rejects.toMatchObject({
    code: 'INVALID_ARGUMENT',
    field: 'contactPhone',
    message: '请填写联系电话',
  });
  await expect(resolvePhone({ caller }, { code: 'local-phone-13800005555' }, 'phone')).rejects.toMatchObject({
    field: 'phone',
    message: PHONE_REFUSALS.unavailable,
  });
});
