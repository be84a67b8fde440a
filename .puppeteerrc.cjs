// whatsapp-web.js drives a browser through puppeteer. The system Chromium is used (CHROMIUM_PATH,
// default /usr/bin/chromium), so puppeteer must never download its own, neither at install nor at run.
module.exports = { skipDownload: true, chrome: { skipDownload: true }, 'chrome-headless-shell': { skipDownload: true } };
