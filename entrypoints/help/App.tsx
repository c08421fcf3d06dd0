import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HelpDirectory } from '../../components/HelpDirectory';
import { HELP_REVIEWED, REGIONS, regionFromLocale, servicesFor, type RegionCode } from '../../lib/help/directory';

/** Help, one click from every screen: emergency numbers first, then people to talk to. */
export function App({ locale }: { locale: string }) {
  const [region, setRegion] = useState<RegionCode>(regionFromLocale(locale));
  return (
    <main class="help">
      <p class="brand">Steadfast</p>
      <h1>Get help now</h1>
      <p>
        You don't have to face this moment alone. If you or someone with you is in danger, has
        taken too much or can't be woken, call the emergency number now.
      </p>
      <p>
        <label for="region">Where you are</label>{' '}
        <select id="region" value={region} onChange={(e) => setRegion(e.currentTarget.value as RegionCode)}>
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </p>
      <HelpDirectory services={servicesFor(region)} reviewed={HELP_REVIEWED} />
      <p>
        <a href={`${browser.runtime.getURL('/options.html')}#plan`}>My plan and support people</a>
      </p>
    </main>
  );
}
