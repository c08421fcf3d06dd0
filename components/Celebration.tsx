import { milestoneLabel } from '../lib/history/milestones';

/** A milestone reached, celebrated once, with one of the person's own reasons when they wrote any. */
export function Celebration({ days, reason, onDone }: { days: number; reason?: string; onDone: () => void }) {
  return (
    <section class="card celebration" role="status" aria-labelledby="celebration-title">
      <h2 id="celebration-title">{milestoneLabel(days)}. Well done.</h2>
      <p>Every one of those days was your doing.</p>
      {reason && (
        <p>
          You're doing this for: <strong>{reason}</strong>
        </p>
      )}
      <button type="button" class="quiet" onClick={onDone}>
        Thank you
      </button>
    </section>
  );
}
