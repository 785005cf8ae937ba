import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '@/components/ui';
import type { TrackPoint } from '../api/get-track';
import { fitProjection, pathData } from '../lib/projection';
import { hasPosition } from '../lib/track';
import { useWidth } from '../lib/use-width';
import type { MapTiles } from './tile-map';

export type { MapTiles } from './tile-map';

const TileMap = lazy(() => import('./tile-map'));

/**
 * The route with its start and finish marked: on map tiles when the admin configured a tile
 * server, otherwise as an SVG line on a plain background, fitted to its bounds.
 */
export function TrackMap({ points, tiles }: { points: readonly TrackPoint[]; tiles?: MapTiles | null | undefined }) {
  const { t } = useTranslation();
  // A page keeps the Content-Security-Policy it was loaded with: when an admin set the tile
  // server later, the browser refuses its tiles until a reload. Fall back to the drawing then.
  const [blocked, setBlocked] = useState(false);
  const onBlocked = useCallback(() => setBlocked(true), []);
  if (tiles && !blocked) {
    return (
      <div className="track-map">
        <Suspense fallback={<Skeleton width="lg" label={t('activity.map.loading')} />}>
          <TileMap points={points} tiles={tiles} label={t('activity.map.tileLabel')} onBlocked={onBlocked} />
        </Suspense>
        <Legend finishShape="circle" />
      </div>
    );
  }
  return (
    <>
      <SvgTrackMap points={points} label={t('activity.map.label')} />
      {blocked ? <p className="activity-detail__note">{t('activity.map.reload')}</p> : null}
    </>
  );
}

function SvgTrackMap({ points, label }: { points: readonly TrackPoint[]; label: string }) {
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
      <Legend finishShape="square" />
    </div>
  );
}

function Legend({ finishShape }: { finishShape: 'square' | 'circle' }) {
  const { t } = useTranslation();
  const finishKey = `track-map__key track-map__key--finish${finishShape === 'circle' ? ' track-map__key--round' : ''}`;
  return (
    <ul className="track-map__legend">
      <li>
        <span className="track-map__key track-map__key--start" aria-hidden="true" /> {t('activity.map.start')}
      </li>
      <li>
        <span className={finishKey} aria-hidden="true" /> {t('activity.map.finish')}
      </li>
    </ul>
  );
}
