import { useId } from 'preact/hooks';
import { URGE_RATINGS, urgeRatingWords } from '../../lib/coping/exercises';
import { t } from '../../lib/i18n/i18n';

export interface UrgeRatingProps {
  legend: string;
  value: number | undefined;
  onChange: (rating: number) => void;
}

/** A 0 to 10 scale as eleven radio buttons: arrow keys move along it, each number is its own name. */
export function UrgeRating({ legend, value, onChange }: UrgeRatingProps) {
  const name = useId();
  return (
    <fieldset class="urge-rating">
      <legend>{legend}</legend>
      <p class="muted">{t('exercise_urgeSurfing_scaleHint')}</p>
      <div class="urge-scale">
        {URGE_RATINGS.map((rating) => (
          <label key={rating} class="urge-point">
            <input type="radio" name={name} value={rating} checked={value === rating} onChange={() => onChange(rating)} />
            <span>{rating}</span>
          </label>
        ))}
      </div>
      {value !== undefined && <p class="urge-words">{t('exercise_urgeSurfing_ratingWithWords', [value, urgeRatingWords(value)])}</p>}
    </fieldset>
  );
}
