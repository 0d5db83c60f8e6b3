import type { Locator, Page } from 'playwright-core';

/** On a client's detail screen: opens its PDP form and fills every field but the mode; returns the PDP panel. */
export async function fillPdpForm(page: Page, fields: { oauthClientId: string; clientSecret: string }): Promise<Locator> {
  const panel = page.getByTestId('pdp-panel');
  await panel.locator('[data-pdp-configured]').waitFor();
  await panel.getByRole('button', { name: /Configure PDP|Edit configuration/ }).click();
  await page.getByLabel('Flow service URL').fill('https://pdp.example.test/flow');
  await page.getByLabel('Token URL').fill('https://pdp.example.test/oauth/token');
  await page.getByLabel('OAuth client ID').fill(fields.oauthClientId);
  await page.getByLabel('Client secret').fill(fields.clientSecret);
  return panel;
}
