// axe-core (WCAG 2 A and AA) on the public pages, JavaScript on, at 360 px.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { newPage, open, withBrowser } from './helpers.mjs';

withBrowser();

const PAGES = ['/', '/register', '/login', '/en', '/en/register', '/en/login', '/projects', '/projects/1', '/en/projects/1'];

const describeNode = (n) => {
  const html = n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html;
  return `    ${n.target.join(' ')}  ${html}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`;
};

describe('accessibility (axe, wcag2a + wcag2aa)', () => {
  for (const path of PAGES) {
    test(`${path}: no axe WCAG 2 A/AA violation, no 1:1 text, no sideways scroll at 360 px`, async () => {
      const { context, page } = await newPage({ js: true });
      try {
        await open(page, path, { js: true });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const report = results.violations
          .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map(describeNode).join('\n')}`)
          .join('\n');
        assert.equal(results.violations.length, 0, `axe violations on ${path}:\n${report}`);

        // Reflow (WCAG 1.4.10): nothing wider than a 360 px phone screen.
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
          return { scrollWidth: document.documentElement.scrollWidth, width, wide };
        });
        assert.ok(overflow.scrollWidth <= overflow.width, `${path} scrolls sideways at 360 px: ${JSON.stringify(overflow)}`);

        // axe files text whose colour equals its background (1:1) under "incomplete" (it may be a
        // visually-hidden technique). Visible text at 1:1 is unreadable, so it counts as a failure here.
        const invisible = results.incomplete
          .filter((v) => v.id === 'color-contrast')
          .flatMap((v) => v.nodes)
          .filter((n) => n.any.some((c) => c.data?.messageKey === 'equalRatio' || c.data?.contrastRatio === 1));
        assert.equal(
          invisible.length,
          0,
          `text with the same colour as its background (contrast 1:1) on ${path}:\n${invisible
            .map((n) => `${describeNode({ ...n, failureSummary: '' })}\n      colour ${n.any[0].data.fgColor} on ${n.any[0].data.bgColor}`)
            .join('\n')}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
