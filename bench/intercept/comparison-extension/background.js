// The common way to block a site in an MV3 extension: watch navigations start, and when one is
// heading to a blocked host, send the tab to the extension's own block page. The blocked host is
// hard-wired (no storage read), which is the fastest this approach can be: a real blocker reads its
// list from storage after its service worker starts, which only adds time.
const BLOCKED_HOSTS = ['trigger.test'];

function isBlocked(url) {
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return BLOCKED_HOSTS.some((blocked) => host === blocked || host.endsWith(`.${blocked}`));
}

chrome.webNavigation.onBeforeNavigate.addListener((details) => {
  if (details.frameId !== 0 || !isBlocked(details.url)) return;
  const blockPage = `${chrome.runtime.getURL('blocked.html')}#${encodeURIComponent(details.url)}`;
  chrome.tabs.update(details.tabId, { url: blockPage });
});
