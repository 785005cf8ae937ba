import { useTranslation } from 'react-i18next';
import type { Muscle } from '@/lib/exercises/get-exercise';
import { muscleShapes, outlineHalf, roleOf, type BodyView } from '../lib/body-map';

export interface BodyDiagramProps {
  primary: readonly Muscle[];
  secondary: readonly Muscle[];
}

const MIRROR = 'translate(100 0) scale(-1 1)';

/**
 * The muscles an exercise works on a front and a back view: primary ones in the accent
 * colour, secondary ones lighter. The pictures are one image each for screen readers; the
 * list below them says the same in words.
 */
export function BodyDiagram({ primary, secondary }: BodyDiagramProps) {
  const { t } = useTranslation();
  const name = (m: Muscle) => t(`exercises.muscles.${m}`);
  const list = (muscles: readonly Muscle[]) => (muscles.length ? muscles.map(name).join(', ') : t('exercisePage.muscles.none'));
  const summary = t('exercisePage.muscles.summary', { primary: list(primary), secondary: list(secondary) });

  return (
    <div className="body-diagram">
      <div className="body-diagram__views">
        {(['front', 'back'] as const).map((view) => (
          <figure key={view} className="body-diagram__view">
            <svg
              viewBox="0 0 100 220"
              className="body-diagram__svg"
              role="img"
              aria-label={`${t(`exercisePage.muscles.${view}`)}: ${summary}`}
              data-view={view}
            >
              <BodyView view={view} primary={primary} secondary={secondary} />
            </svg>
            <figcaption className="body-diagram__caption">{t(`exercisePage.muscles.${view}`)}</figcaption>
          </figure>
        ))}
      </div>
      <ul className="body-diagram__legend" aria-hidden="true">
        <li>
          <span className="body-diagram__swatch body-diagram__swatch--primary" /> {t('exercisePage.muscles.primary')}
        </li>
        <li>
          <span className="body-diagram__swatch body-diagram__swatch--secondary" /> {t('exercisePage.muscles.secondary')}
        </li>
      </ul>
      <dl className="body-diagram__list">
        <div>
          <dt>{t('exercisePage.muscles.primary')}</dt>
          <dd>{list(primary)}</dd>
        </div>
        <div>
          <dt>{t('exercisePage.muscles.secondary')}</dt>
          <dd>{list(secondary)}</dd>
        </div>
      </dl>
    </div>
  );
}

function BodyView({ view, primary, secondary }: { view: BodyView } & BodyDiagramProps) {
  const shapes = muscleShapes.filter((s) => s.view === view);
  return (
    <g>
      <path className="body-diagram__outline" d={outlineHalf} />
      <path className="body-diagram__outline" d={outlineHalf} transform={MIRROR} />
      {shapes.map((shape, i) => {
        const role = roleOf(shape.muscle, primary, secondary);
        const className = `body-diagram__muscle body-diagram__muscle--${role}`;
        return (
          <g key={`${shape.muscle}-${i}`} data-muscle={shape.muscle} data-role={role} className={className}>
            <path d={shape.d} />
            {shape.centre ? null : <path d={shape.d} transform={MIRROR} />}
          </g>
        );
      })}
    </g>
  );
}
