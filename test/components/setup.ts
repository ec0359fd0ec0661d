process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
// @tarojs/taro must load before components: router, components and taro import each other.
import '@tarojs/taro';
