// @tarojs/taro must load before components: router, components and taro import each other.
import '@tarojs/taro';
