/** Pictures are stored by id and shown by address; what a form sends back maps to the id; links elsewhere are refused. */
import { isStoredPicture, pictureAddress, pictureIdOf } from './address';
import { pictureRef } from './pictures';

const LOCAL = `${'0123456789abcdef'.repeat(2)}.png`;
const CLOUD = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/pictures/badge.png';

test('a local id is shown at /files/<id> and comes back to the id; a cloud fileID is both', () => {
  expect(pictureAddress(LOCAL)).toBe(`/files/${LOCAL}`);
  expect(pictureIdOf(pictureAddress(LOCAL))).toBe(LOCAL);
  expect(pictureIdOf(LOCAL)).toBe(LOCAL);
  expect(pictureAddress(CLOUD)).toBe(CLOUD);
  expect(pictureIdOf(CLOUD)).toBe(CLOUD);
});

test('only a stored picture is accepted; a link or a path elsewhere is refused in plain Chinese', () => {
  for (const ok of [LOCAL, `/files/${LOCAL}`, CLOUD]) expect(isStoredPicture(ok)).toBe(true);
  for (const bad of [
    'https://example.com/x.png',
    '/files/../../etc/passwd',
    `/files/${LOCAL}?x=1`,
    `${LOCAL}.png`,
    'cloud://',
    'javascript:alert(1)',
  ])
    expect(isStoredPicture(bad)).toBe(false);
  const refused = pictureRef.safeParse('https://example.com/x.png');
  expect(refused.success).toBe(false);
  expect(refused.error?.issues[0]?.message).toBe('图片无效，请重新上传');
});
