/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

/** Injected by config/index.ts. */
declare const CLOUD_ENV: string;
/** Injected by config/index.ts: subscribe-message template ids per message module (weapp only). */
declare const SUBSCRIBE_TEMPLATES: Record<string, string[]>;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd';
  }
}
