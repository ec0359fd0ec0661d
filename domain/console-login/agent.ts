/**
 * Who is asking to sign in to the console, as the host saw it: the client's address (the socket's locally,
 * the platform's source IP in the cloud — never a header the client writes) and its browser, named briefly from
 * the User-Agent ("Chrome 131 · Windows") so that the person approving can tell their own computer from another.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

export const UNKNOWN_BROWSER = '未知浏览器';
/** A User-Agent longer than this is not read at all (no regex runs over a megabyte of header). */
const MAX_USER_AGENT = 512;

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bMicroMessenger\/(\d+)/, '微信'],
  [/\bQQBrowser\/(\d+)/, 'QQ浏览器'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*(?: Mobile\/\w+)? Safari\//, 'Safari'],
];
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/Windows NT|Windows Phone|Win64|Win32/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

/** "Chrome 131 · Windows", "Safari 17 · macOS"; 未知浏览器 for anything not recognised. */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent || userAgent.length > MAX_USER_AGENT) return UNKNOWN_BROWSER;
  const browser = BROWSERS.find(([re]) => re.test(userAgent));
  if (!browser) return UNKNOWN_BROWSER;
  const version = browser[0].exec(userAgent)?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  const name = version ? `${browser[1]} ${version}` : browser[1];
  return system ? `${name} · ${system}` : name;
}

/** An IP address as shown to people: IPv4 mapped into IPv6 (`::ffff:1.2.3.4`) shown as IPv4; anything else → null. */
export function clientAddress(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return text.length <= 45 && isIP(text) !== 0 ? text.toLowerCase() : null;
}

/** The eight groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.includes('::') ? (address.split('::') as [string, string]) : [address, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right];
}

/**
 * The key ticket creation is counted under: an IPv4 address, or an IPv6 /64 (one household or host usually has
 * a whole /64, so counting single IPv6 addresses would count nothing). Hashed: the limiter keeps no address.
 */
export function rateKey(address: string | null): string {
  const key =
    address === null
      ? 'unknown'
      : isIP(address) === 6
        ? `${ipv6Groups(address)
            .slice(0, 4)
            .map((g) => g.padStart(4, '0'))
            .join(':')}::/64`
        : address;
  return createHash('sha256').update(`console-login\u0000${key}`).digest('hex').slice(0, 24);
}
