import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { cloudEnv } from './cloud-env';
import { subscribeTemplates } from './subscribe-templates';
import devConfig from './dev';
import prodConfig from './prod';

const target = process.env.TARO_ENV ?? 'weapp';
/** The app shares dependency-free constants and types with the domain; compile them too. */
const shared = { include: [path.resolve(__dirname, '..', 'domain')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xianfeng-yizhan',
    date: '2026-11-23',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    // NutUI renders a few plain HTML tags (icons as <i>); this plugin gives them weapp templates.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      // The CloudBase environment the weapp calls: required for a production weapp build (see cloud-env.ts).
      CLOUD_ENV: JSON.stringify(cloudEnv(process.env, target)),
      // Subscribe-message template ids per module, asked for after booking, appointing, redeeming, asking for help.
      // The desk console's address, shown on weapp to an admin looking at an empty list (H5 opens /admin/ itself).
      CONSOLE_URL: JSON.stringify((process.env.CONSOLE_URL ?? '').trim()),
      // The H5 map's tile source: a GCJ-02 tile URL template with its key in production; empty draws a plain offline
      // layer (locally and in tests nothing reaches the internet).
      MAP_TILE_URL: JSON.stringify((process.env.MAP_TILE_URL ?? '').trim()),
      SUBSCRIBE_TEMPLATES: JSON.stringify(subscribeTemplates(process.env, target)),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's terser writes every Chinese character as a 6-byte \uXXXX escape; WeChat reads UTF-8 sources, and keeping
    // the characters saves about 6 KB of the weapp main package.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    // WeChat templates cannot recurse, so Taro writes every container template once per nesting level into the main
    // package's base.wxml; past the last level a node renders through the `comp` component (one component instance more).
    // 15 levels instead of Taro's 16 saves 2.5 KB and keeps the main package within its budget.
    baseLevel: 15,
    mini: {
      compile: shared,
      // Shared component styles (picture, grid, elder mode) reach pages in different orders; they do not depend on order.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
