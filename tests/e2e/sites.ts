/**
 * Web pages the test server serves (`TestServer.serve`) for what a site does by itself, shared by
 * the Chromium and Firefox suites.
 */

/**
 * A single-page forum: its links change the address in the page, without loading anything (Search
 * with `replaceState`, the others with `pushState`), and say when in the console.
 */
export const SINGLE_PAGE_FORUM = `<!doctype html><title>Forum</title><h1 id="real-page">Forum</h1>
<a id="late" href="/late-night">Late night</a> <a id="daytime" href="/daytime">Daytime</a>
<a id="search" href="/search?q=buy+ket">Search</a>
<script>
  for (const link of document.querySelectorAll('a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const url = link.getAttribute('href');
      if (link.id === 'search') history.replaceState({}, '', url);
      else history.pushState({}, '', url);
      console.log('address changed at ' + Date.now());
      document.querySelector('h1').textContent = link.textContent;
    });
  }
</script>`;
