import type { Page } from 'playwright-core';

// Screens the e2e tests use: a desktop and a phone (an iPhone 12–15's CSS viewport).
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * How far the page is wider than the window (0 when it fits), with the outermost elements that stick
 * out past the right edge, for the failure message. What sticks out inside a scroll container (a wide
 * table in its `.table-scroll`) does not widen the page and is not listed, unless it is absolutely
 * placed and escapes it (a visually hidden caption when the container is not positioned).
 */
export async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const excess = Math.max(0, document.documentElement.scrollWidth - width);
    const culprits: string[] = [];
    if (excess === 0) return { excess, culprits };
    const clips = (element: Element) => {
      const style = getComputedStyle(element);
      return style.overflowX !== 'visible' && element !== document.documentElement && element !== document.body;
    };
    // Inside a scroll container only absolutely placed boxes can escape it (when their containing
    // block is outside it), so only those are listed there.
    const walk = (element: Element, clipped = false) => {
      if (culprits.length >= 12) return;
      const rect = element.getBoundingClientRect();
      const escapes = !clipped || ['absolute', 'fixed'].includes(getComputedStyle(element).position);
      if (escapes && rect.width > 0 && rect.right > width + 0.5) {
        const id = element.id ? `#${element.id}` : '';
        const classes =
          typeof element.className === 'string' && element.className
            ? `.${element.className.trim().split(/\s+/).join('.')}`
            : '';
        const testId = element.getAttribute('data-testid');
        culprits.push(
          `${element.tagName.toLowerCase()}${id}${classes}${testId ? `[data-testid=${testId}]` : ''} right=${Math.round(rect.right)}`,
        );
      }
      // Text can stick out of a box that itself fits (a word with no break opportunity).
      for (const node of clipped || clips(element) ? [] : element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = range.getBoundingClientRect().right;
        if (right > width + 0.5 && culprits.length < 12)
          culprits.push(`text "${node.textContent.trim().slice(0, 30)}" right=${Math.round(right)}`);
      }
      for (const child of element.children) walk(child, clipped || clips(element));
    };
    walk(document.body);
    return { excess, culprits };
  });
}
