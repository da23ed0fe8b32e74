import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await b.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
const page = await ctx.newPage();
await page.goto('http://localhost:3100/topics/1');
const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
console.log(wide.join('\n'));
await b.close();
