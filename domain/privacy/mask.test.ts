import { maskIdNumber, maskName, maskPhone } from './mask';

test('masked forms show only what identifies nobody', () => {
  expect(maskName('张三')).toBe('张*');
  expect(maskName('欧阳娜娜')).toBe('欧***');
  expect(maskName('李')).toBe('李*');
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskIdNumber('450321199001011234')).toBe('4503*************4');
  expect(maskIdNumber('4503**********1234')).toBe('4503*************4');
});
