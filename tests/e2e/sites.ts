/**
 * Web pages the test server serves (`TestServer.serve`) for what a site does by itself, shared by
 * the Chromium and Firefox suites.
 */

/** A single-page forum: its links change the address in the page, without loading anything. */
export const SINGLE_PAGE_FORUM = `<!doctype html><title>Forum</title><h1 id="real-page">Forum</h1>
<a id="late" href="/late-night">Late night</a> <a id="search" href="/search?q=buy+ket">Search</a>
<script>
  for (const link of document.querySelectorAll('a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const url = link.getAttribute('href');
      if (link.id === 'late') history.pushState({}, '', url);
      else history.replaceState({}, '', url);
      document.querySelector('h1').textContent = link.textContent;
    });
  }
</script>`;
