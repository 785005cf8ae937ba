import { useTranslation } from 'react-i18next';
import type { TrackPoint } from '../api/get-track';
import { fitProjection, pathData } from '../lib/projection';
import { hasPosition } from '../lib/track';
import { useWidth } from '../lib/use-width';

/**
 * The route drawn as an SVG line on a plain background, fitted to its bounds, with the
 * start and finish marked. (A tile map needs a tile server the admin configures; the
 * instance does not offer one yet.)
 */
export function TrackMap({ points, label }: { points: readonly TrackPoint[]; label: string }) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const height = Math.round(Math.min(420, Math.max(220, width * 0.66)));
  const positions = points.filter(hasPosition);
  const projection = fitProjection(positions, width, height, 24);
  const projected = positions.map((p) => projection.project(p));
  const start = projected[0];
  const finish = projected[projected.length - 1];
  return (
    <div ref={ref} className="track-map">
      <svg width={width} height={height} role="img" aria-label={label} className="track-map__svg" data-testid="track-map">
        <rect className="track-map__bg" x={0} y={0} width={width} height={height} />
        <path className="track-map__casing" d={pathData(projected)} />
        <path className="track-map__route" d={pathData(projected)} />
        {start ? <circle className="track-map__start" cx={start[0]} cy={start[1]} r={7} /> : null}
        {finish ? <rect className="track-map__finish" x={finish[0] - 6} y={finish[1] - 6} width={12} height={12} /> : null}
      </svg>
      <ul className="track-map__legend">
        <li>
          <span className="track-map__key track-map__key--start" aria-hidden="true" /> {t('activity.map.start')}
        </li>
        <li>
          <span className="track-map__key track-map__key--finish" aria-hidden="true" /> {t('activity.map.finish')}
        </li>
      </ul>
    </div>
  );
}
