using System.Text.Json.Nodes;

namespace Almanac.Web.Tests.Browser;

/// <summary>The window a page is read in (a desktop, a 360-pixel phone) and the accessibility audit every browsing page passes.</summary>
public sealed partial class Chromium
{
    /// <summary>Lays the page out as a window <paramref name="width"/> CSS pixels wide, as a phone of that width would.</summary>
    public Task ResizeAsync(int width, int height = 900) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });

    /// <summary>
    /// <see cref="AccessibilityProblemAsync"/>, then the landmarks every page has (banner, navigation, main, contentinfo),
    /// an alt attribute on every image, a name on every link, and a text contrast of at least 4.5:1 (WCAG AA; 3:1 for
    /// large text) between every visible text's colour and the background it is drawn on. Null when all hold.
    /// </summary>
    public async Task<string?> AccessibilityAuditAsync() =>
        await AccessibilityProblemAsync() ?? (await EvaluateAsync("""
            (() => {
              for (const landmark of ['header', 'nav', 'main', 'footer'])
                if (!document.querySelector(landmark)) return 'no ' + landmark + ' landmark';
              const noAlt = [...document.querySelectorAll('img')].find(i => !i.hasAttribute('alt'));
              if (noAlt) return 'image without alt text: ' + noAlt.outerHTML;
              const unnamed = [...document.querySelectorAll('a[href]')].find(a => !(a.innerText.trim() || a.getAttribute('aria-label')));
              if (unnamed) return 'link without a name: ' + unnamed.outerHTML;
              const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
              const lum = ({ r, g, b }) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              const background = e => {
                for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.a > 0.5) return c; }
                return rgb(getComputedStyle(document.documentElement).backgroundColor).a > 0.5 ? rgb(getComputedStyle(document.documentElement).backgroundColor) : { r: 255, g: 255, b: 255 };
              };
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const e = t.parentElement;
                if (!t.textContent.trim() || !e.offsetParent && getComputedStyle(e).position !== 'fixed') continue;
                const style = getComputedStyle(e);
                if (style.visibility === 'hidden' || Number(style.opacity) < 0.1) continue;
                const rect = e.getBoundingClientRect();
                if (rect.right < 0 || rect.bottom < 0) continue; // moved off screen (the skip link until focused)
                let fg = rgb(style.color), bg = background(e);
                let opacity = 1; for (let n = e; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
                const blend = (f, b, a) => ({ r: f.r * a + b.r * (1 - a), g: f.g * a + b.g * (1 - a), b: f.b * a + b.b * (1 - a) });
                fg = blend(fg, bg, fg.a * opacity);
                const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
                const ratio = (hi + 0.05) / (lo + 0.05);
                const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
                const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                if (ratio < needed) return 'contrast ' + ratio.toFixed(2) + ':1 < ' + needed + ':1 for "' + t.textContent.trim().slice(0, 40) + '" (' + style.color + ' on ' + JSON.stringify(bg) + ')';
              }
              return null;
            })()
            """))?.GetValue<string>();
}
