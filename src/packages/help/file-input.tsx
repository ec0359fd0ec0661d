/**
 * The photo field's file input, on H5 only (`file-input.h5.tsx`). On the mini-program the field uses
 * Taro.chooseImage instead; keeping `<input>` out of this build keeps its checkbox/radio templates out of the
 * main package's base.wxml (@tarojs/plugin-html adds them for any `input` element).
 */
export default function FileInput(_props: { label: string; disabled: boolean; onFiles: (files: File[]) => void }) {
  return null;
}
