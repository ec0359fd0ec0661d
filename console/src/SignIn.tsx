/**
 * Sign-in by scanning: a one-time QR from `admin.startConsoleLogin`, confirmed in the mini-program
 * (or the H5 app locally), polled with `admin.pollConsoleLogin` until approved or expired.
 * The development sign-in shows only when the local cloud offers `/auth/dev-login`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Card } from 'tdesign-react/esm/card';
import { Input } from 'tdesign-react/esm/input';
import { Space } from 'tdesign-react/esm/space';
import type { ActionOutput } from '../../cloudfunctions/contract';
import { call, messageOf, transport } from './api';
import type { ConsoleSession } from './session';
import { QrImage } from './ui/qr';

/** The one-time QR `admin.startConsoleLogin` answers. */
type Ticket = ActionOutput<'admin', 'startConsoleLogin'>;

const POLL_MS = 2000;
/**
 * On the local cloud the QR holds the H5 app's approve page (`http://…/#/packages/console/pages/approve/index?ticket=…`):
 * the card offers it as a link too, for a desk without WeChat. In the cloud the QR is a mini-program path, not a link.
 */
const isWebLink = (text: string) => /^https?:\/\//.test(text);
const DEMO_USERS = [
  { openid: 'demo-admin', label: '演示管理员' },
  { openid: 'demo-staff', label: '演示工作人员' },
];

/**
 * `notice`: why the console is signed out, when it was signed in before (the session expired after its 8 hours,
 * was ended in the mini-program, or the person signed out), shown above the QR.
 */
export function SignIn({
  onSignedIn,
  notice = null,
}: {
  onSignedIn(token: string, session?: ConsoleSession | null): void;
  notice?: string | null;
}) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [state, setState] = useState<'loading' | 'waiting' | 'expired' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [dev, setDev] = useState(false);
  const [devOpenid, setDevOpenid] = useState('');
  const [devBusy, setDevBusy] = useState(false);
  const [devError, setDevError] = useState<string | null>(null);
  const generation = useRef(0);

  const start = useCallback(() => {
    const id = ++generation.current;
    setState('loading');
    setError(null);
    call('admin', 'startConsoleLogin').then(
      (t) => {
        if (id !== generation.current) return;
        setTicket(t);
        setState('waiting');
      },
      (e: unknown) => {
        if (id !== generation.current) return;
        setError(messageOf(e));
        setState('error');
      },
    );
  }, []);

  useEffect(() => {
    start();
    void transport.devLoginAvailable().then(setDev);
    return () => {
      generation.current += 1;
    };
  }, [start]);

  // Polls while the QR is valid; stops at its expiry, on approval, or when the page goes away.
  useEffect(() => {
    if (state !== 'waiting' || !ticket) return;
    const id = generation.current;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (id !== generation.current) return;
      const left = Math.max(0, Math.round((ticket.expiresAt - Date.now()) / 1000));
      setSecondsLeft(left);
      try {
        const poll = await call('admin', 'pollConsoleLogin', {
          ticketId: ticket.ticketId,
          pollSecret: ticket.pollSecret,
        });
        if (id !== generation.current) return;
        if (poll.status === 'approved') return onSignedIn(await transport.acceptApproval(poll), poll.session ?? null);
        if (poll.status === 'expired' || left <= 0) return setState('expired');
      } catch (e) {
        if (id !== generation.current) return;
        setError(messageOf(e));
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => clearTimeout(timer);
  }, [state, ticket, onSignedIn]);

  async function devSignIn(openid: string) {
    if (devBusy) return;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) return setDevError('openid 只能包含字母、数字、下划线或连字符');
    setDevBusy(true);
    setDevError(null);
    try {
      onSignedIn(await transport.devLogin(openid));
    } catch (e) {
      setDevError(messageOf(e));
    } finally {
      setDevBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <Card className="sign-in__card" bordered>
        <h1 className="sign-in__title">先锋驿站 · 管理后台</h1>
        {notice ? (
          <div className="sign-in__notice" role="status">
            {notice}
          </div>
        ) : null}
        <p className="sign-in__lead">请用微信打开「先锋驿站」小程序，扫描下方二维码并确认登录。</p>
        <p className="sign-in__hint">每次登录有效 8 小时；可在小程序「我的 → 管理后台登录」中查看并随时退出。</p>
        <div className="sign-in__qr">
          {state === 'loading' && <div className="sign-in__placeholder">正在生成二维码…</div>}
          {state === 'waiting' && ticket && (
            <>
              <QrImage className="sign-in__qr-image" text={ticket.qrText} size={220} />
              <div className="sign-in__status">
                等待扫码确认… {secondsLeft > 0 ? `（${secondsLeft} 秒内有效）` : ''}
              </div>
              <div className="sign-in__qr-text" data-qr-text={ticket.qrText}>
                {ticket.qrText}
              </div>
              {isWebLink(ticket.qrText) ? (
                <div className="sign-in__link">
                  没有微信？
                  <a className="sign-in__approve-link" href={ticket.qrText} target="_blank" rel="noopener noreferrer">
                    在浏览器中打开确认页
                  </a>
                  <div className="sign-in__link-hint">
                    在已用管理员、书记或工作人员身份登录网页版的浏览器中打开并确认
                  </div>
                </div>
              ) : null}
            </>
          )}
          {state === 'expired' && (
            <div className="sign-in__placeholder">
              二维码已过期
              <Button className="sign-in__refresh" onClick={start}>
                刷新二维码
              </Button>
            </div>
          )}
          {state === 'error' && (
            <div className="sign-in__placeholder sign-in__placeholder--error">
              无法生成登录二维码：{error}
              <Button className="sign-in__refresh" onClick={start}>
                重试
              </Button>
            </div>
          )}
        </div>
        {state === 'waiting' && error ? <div className="field-error">{error}</div> : null}
        {dev && (
          <div className="sign-in__dev">
            <div className="sign-in__dev-title">开发登录（仅本地云可用）</div>
            <Space>
              {DEMO_USERS.map((u) => (
                <Button
                  key={u.openid}
                  className={`dev-login--${u.openid}`}
                  variant="outline"
                  disabled={devBusy}
                  onClick={() => void devSignIn(u.openid)}
                >
                  {u.label}
                </Button>
              ))}
            </Space>
            <Space className="sign-in__dev-custom">
              <Input value={devOpenid} onChange={(v) => setDevOpenid(String(v))} placeholder="其他 openid" />
              <Button disabled={devBusy || !devOpenid.trim()} onClick={() => void devSignIn(devOpenid.trim())}>
                登录
              </Button>
            </Space>
            {devError ? <div className="field-error">{devError}</div> : null}
          </div>
        )}
      </Card>
    </div>
  );
}
