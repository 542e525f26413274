/**
 * Installed before the page's scripts: notes every text painted on a canvas with the font and the
 * transform it was painted at, so a test can tell how large a chart drawn on a canvas writes, and
 * where (in window.__chartText).
 * @example await openWatchedPage(browser, { url, problems, initScript: recordCanvasText })
 */
export const recordCanvasText = `
  window.__chartText = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const { a, b, e, f } = this.getTransform();
    window.__chartText.push({ canvas: this.canvas, text: String(text), font: this.font, align: this.textAlign, x, y, a, b, e, f, width: this.measureText(text).width });
    return fillText.call(this, text, x, y, ...rest);
  };
  // Vega clears the canvas before each paint: the texts after the last clear are the chart as shown.
  const clearRect = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    window.__chartText.push({ canvas: this.canvas, clear: true, text: "" });
    return clearRect.apply(this, args);
  };
`;
