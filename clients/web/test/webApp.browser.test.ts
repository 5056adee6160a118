import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type TestPlatform } from '../../../test/support/startPlatform';
import { serveWithGateway, type RunningWebApp } from './serveWithGateway';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'web');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the web UI browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const describeInBrowser = hasChromium ? describe : describe.skip;

const CHECKOUT = 'component:default/checkout-service';

/**
 * The built UI in headless Chromium against the real platform (every subgraph, demo data):
 * catalog, filters in the URL, entity page with its plugin cards, relations graph, group
 * page, docs reader, and a plugin going down mid-session. Screenshots land in
 * test-artifacts/web/ for a person to look at.
 */
describeInBrowser('the web UI in Chromium', () => {
  let platform: TestPlatform;
  let web: RunningWebApp;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    // Build from the current sources: a stale dist would test yesterday's UI.
    execFileSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'clients/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    web = await serveWithGateway({ distDir: path.join(root, 'clients', 'web', 'dist'), gatewayUrl: () => platform.gatewayUrl });
    // The page and the gateway are on different ports here, so the gateway must allow the page's origin.
    platform = await startPlatform({ subgraph: () => ({ demo: true }), gateway: { corsOrigins: [web.url] } });
    // The scorecards plugin reads its facts through the gateway, which starts after it.
    (platform.subgraphs.scorecards?.services as { graph?: { connect(url: string): void } } | undefined)?.graph?.connect(platform.gatewayUrl);
    mkdirSync(artifacts, { recursive: true });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'ensemble-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await web?.stop();
    await platform?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }, 60_000);

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  const row = (ref: string) => page.locator(`[data-testid="entity-table"] tr[data-ref="${ref}"]`);
  const totalCount = async () => Number((await page.getByTestId('total-count').textContent())?.split(' ')[0]);

  it('lists the catalog with facets and counts', async () => {
    await page.goto(`${web.url}/`);
    await row(CHECKOUT).waitFor();
    expect(await totalCount()).toBeGreaterThan(25);
    expect(await page.locator('[data-testid="entity-table"] tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await page.getByText('Page 2').waitFor();
    await shot('catalog');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForURL((url) => !url.search.includes('after='));
    await row(CHECKOUT).waitFor();
  });

  it('filters by text and by a facet, and keeps the filters in the URL', async () => {
    const everything = await totalCount();
    await page.getByLabel('Search').fill('checkout');
    await page.waitForURL(/q=checkout/);
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: /^Component \(\d+\)$/ }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/kind=Component/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="entity-table"] tbody tr').length > 0 && !document.querySelector('[aria-label="Updating"]'));
    const refs = await page.locator('[data-testid="entity-table"] tbody tr').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-ref')));
    expect(refs).toContain(CHECKOUT);
    expect(refs.every((ref) => ref?.startsWith('component:'))).toBe(true);
    expect(await totalCount()).toBeLessThan(everything);
    await shot('catalog-filtered');

    // The URL alone brings the same view back.
    const filteredUrl = page.url();
    await page.goto('about:blank');
    await page.goto(filteredUrl);
    await row(CHECKOUT).waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('checkout');
    expect(await page.locator('[data-testid="entity-table"] tbody tr').count()).toBe(refs.length);
  });

  it('opens an entity with its overview, relations graph and one card per plugin', async () => {
    await row(CHECKOUT).getByRole('link').first().click();
    await page.waitForURL(/\/entity\/component\/default\/checkout-service$/);
    await page.getByTestId('overview').locator('a[href="/group/group/default/team-payments"]').waitFor();
    await page.getByTestId('card-cicd').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('card-cicd').textContent()).toContain('build');
    expect(await page.getByTestId('vulnerability-summary').textContent()).toMatch(/\d+ critical/);
    await page.getByTestId('card-techdocs').getByRole('link', { name: 'Order lifecycle' }).waitFor();
    await page.getByTestId('scorecard-level').waitFor();
    expect(await page.getByTestId('relation-graph').locator('a[data-ref]').count()).toBeGreaterThan(1);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await shot('entity');
  });

  it('follows a node of the relations graph to the owning team’s page', async () => {
    await page.getByTestId('relation-graph').locator('a[data-ref="group:default/team-payments"] circle').click();
    await page.waitForURL(/\/group\/group\/default\/team-payments$/);
    await row(CHECKOUT).waitFor();
    expect(await page.getByTestId('members').locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('card-scorecards').locator('tbody tr').first().waitFor();
    await shot('group');
  });

  it('reads docs, following links between pages without a reload', async () => {
    await page.goto(`${web.url}/entity/component/default/checkout-service`);
    await page.getByTestId('card-techdocs').getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL(/\/docs\/component\/default\/checkout-service\/index\.md$/);
    await page.getByTestId('doc-html').locator('h1').first().waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByText('Order lifecycle').click();
    await page.waitForURL(/order-lifecycle\.md$/);
    // The URL changes at once; the page's HTML follows when its query answers.
    await page.getByTestId('doc-html').locator('h1', { hasText: 'Order lifecycle' }).waitFor();
    const heading = await page.getByTestId('doc-html').locator('h1, h2').first().textContent();
    // A docs URL opened directly (reload, shared link) is served the app too.
    await page.reload();
    expect(await page.getByTestId('doc-html').locator('h1, h2').first().textContent()).toBe(heading);
    expect(await page.getByRole('navigation', { name: 'Pages' }).locator('a[data-active]').textContent()).toBe('Order lifecycle');
    await shot('docs');
    // A relative link inside the page's HTML (`index.md`) leads to that page in the reader.
    await page.getByTestId('doc-html').getByRole('link', { name: 'overview' }).click();
    await page.waitForURL(/\/docs\/component\/default\/checkout-service\/index\.md$/);
    await page.getByRole('navigation', { name: 'Pages' }).locator('a[data-active]', { hasText: 'Overview' }).waitFor();
  });

  it('keeps the entity page working when the CI/CD plugin goes down: only the builds card says so', async () => {
    await platform.subgraphs.cicd.stop();
    await page.goto(`${web.url}/entity/component/default/checkout-service`);
    const builds = page.getByTestId('card-cicd');
    await builds.getByRole('alert').waitFor();
    expect(await builds.getByRole('alert').textContent()).toContain('Subgraph "cicd" is unavailable');
    expect(await builds.locator('table').count()).toBe(0);
    expect(await page.getByTestId('vulnerability-summary').textContent()).toMatch(/\d+ critical/);
    await page.getByTestId('card-techdocs').getByRole('link', { name: 'Order lifecycle' }).waitFor();
    await page.getByTestId('overview').locator('a[href="/group/group/default/team-payments"]').waitFor();
    expect(await page.locator('[role="alert"]').count()).toBe(1);
    await shot('entity-cicd-down');
  });

  it("keeps the page working when a plugin with its own card goes down: only that card says so", async () => {
    await platform.subgraphs.techdocs.stop();
    await page.goto(`${web.url}/entity/component/default/checkout-service`);
    const docs = page.getByTestId('card-techdocs');
    await docs.getByRole('alert').waitFor();
    expect(await docs.getByRole('alert').textContent()).toContain('Subgraph "techdocs" is unavailable');
    expect(await docs.getByRole('link').count()).toBe(0);
    expect(await page.getByTestId('vulnerability-summary').textContent()).toMatch(/\d+ critical/);
    await page.getByTestId('scorecard-level').waitFor();
    expect(await page.locator('[role="alert"]').count()).toBe(2); // cicd's (still down) and techdocs'
    await shot('entity-techdocs-down');
  });

  it('raised no script error and no console error in the browser', () => {
    expect(browserErrors).toEqual([]);
  });
});
