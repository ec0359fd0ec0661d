import { startJourney } from '../test/support/browser';

async function main() {
  const j = await startJourney();
  const out = '/work/wt/data/reports/data';
  try {
    for (const elder of [false, true]) {
      const tag = elder ? 'elder' : 'normal';
      await j.signInAs('demo-member', '/pages/stations/index');
      await j.page.evaluate((on) => localStorage.setItem('xfyz.elder', on ? '1' : '0'), elder);
      await j.page.goto(`${j.cloud.url}/#/pages/stations/index`);
      await j.page.reload();
      await j.page.locator('.station-card').first().waitFor();
      await j.page.waitForTimeout(600);
      await j.page.screenshot({ path: `${out}/stations-${tag}.png` });
      for (const [id, name] of [['st-yf-center', 'center'], ['st-rx-biguiyuan', 'biguiyuan'], ['st-xf-wangcheng', 'wangcheng']]) {
        await j.page.goto(`${j.cloud.url}/#/packages/booking/pages/station/index?id=${id}`);
        await j.page.reload();
        await j.settled('.station-detail');
        await j.page.locator('.hero__title').waitFor();
        await j.page.waitForTimeout(600);
        await j.page.screenshot({ path: `${out}/station-${name}-${tag}.png`, fullPage: true });
      }
      await j.page.goto(`${j.cloud.url}/#/packages/booking/pages/item/index?id=it-yf-center-legal`);
      await j.page.reload();
      await j.settled('.item-page');
      await j.page.locator('.slot').first().waitFor();
      await j.page.waitForTimeout(400);
      await j.page.screenshot({ path: `${out}/item-today-${tag}.png`, fullPage: true });
      await j.page.locator('.date-chip').nth(1).click();
      await j.page.locator('.slot--open').first().waitFor();
      await j.page.locator('.slot--open').first().click();
      await j.page.waitForTimeout(500);
      await j.page.screenshot({ path: `${out}/item-confirm-${tag}.png` });
      await j.page.getByText('预约', { exact: true }).last().click();
      await j.page.getByText(/预约码 \d{8}/).waitFor();
      await j.page.waitForTimeout(300);
      await j.page.screenshot({ path: `${out}/item-booked-${tag}.png` });
      console.log(await j.page.locator('.taro-modal__content, .taro__modal, [class*=modal]').allTextContents());
      await j.page.getByText('确定', { exact: true }).last().click();
    }
  } finally {
    await j.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
