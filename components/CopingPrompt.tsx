import { t } from '../lib/i18n/i18n';
import { promptSteps, type Prompt } from '../lib/coping/prompts';
import { timed } from './element-timing';

/** One coping prompt: a title and a few steps the person can do right now. */
export function CopingPrompt({ prompt }: { prompt: Prompt }) {
  return (
    <section class="card coping" aria-labelledby="coping-title">
      <h2 id="coping-title" {...timed('coping-prompt')}>
        {t(prompt.titleKey)}
      </h2>
      <ol>
        {promptSteps(prompt).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
