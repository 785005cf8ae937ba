import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Skeleton } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format';
import {
  distanceUnit,
  elevationUnit,
  formatDistance,
  formatElevation,
  toDisplayDistance,
  toDisplayElevation,
  useUnitSystem,
  type UnitSystem,
} from '@/lib/units';
import { workoutGpxUrl } from '../api/get-gpx';
import { useTrack, type WorkoutTrack } from '../api/get-track';
import { computeSplits, formatActivityTime, formatPaceOrSpeed, splitLengthM } from '../lib/splits';
import {
  cumulativeDistances,
  downsample,
  hasPosition,
  hasValues,
  memberSeries,
  speedModeOf,
  speedSeries,
  type SpeedMode,
} from '../lib/track';
import { HeartRateZonesSection } from './heart-rate-zones';
import { LineChart } from './line-chart';
import { SplitsTable } from './splits-table';
import { TrackMap, type MapTiles } from './track-map';
import './activity.css';

/** The spec lists `id` only among WorkoutInput's optional members; a stored workout has one. */
type Workout = Schema<'Workout'> & { id: string };
type Sport = NonNullable<NonNullable<Workout['cardio']>['sport']>;

const MAX_CHART_POINTS = 400;

/**
 * The cardio parts of a workout page: summary figures, the route, charts of pace (or
 * speed), elevation and heart rate, the splits, and the GPX download. Only the summary for
 * a session without a recorded track (entered by hand).
 */
export function ActivityDetail({
  workout,
  mapTiles,
  sportPath,
}: {
  workout: Workout;
  mapTiles?: MapTiles | null | undefined;
  /** The sport's page (distance per week, best efforts); the app layer passes it in. */
  sportPath?: ((sport: Sport) => string) | undefined;
}) {
  const { t } = useTranslation();
  const [system] = useUnitSystem();
  const cardio = workout.cardio;
  const track = useTrack(workout.id);
  const mode = speedModeOf(cardio?.sport);
  const noTrack = track.isError && track.error instanceof ApiError && track.error.status === 404;

  return (
    <div className="activity-detail">
      {cardio ? <ActivitySummary cardio={cardio} mode={mode} system={system} /> : null}
      {cardio && sportPath ? (
        <Link className="activity-detail__sport-link" to={sportPath(cardio.sport ?? 'other')}>
          {t('progress.sportLink', { sport: t(`activity.sports.${cardio.sport ?? 'other'}`) })}
        </Link>
      ) : null}
      {track.isPending ? <Skeleton width="lg" label={t('activity.loadingTrack')} /> : null}
      {track.isError && !noTrack ? (
        <ErrorState message={t('activity.trackFailed')} onRetry={() => void track.refetch()} />
      ) : null}
      {track.data && track.data.points.length > 1 ? (
        <TrackParts workoutId={workout.id} track={track.data} mode={mode} system={system} mapTiles={mapTiles} />
      ) : null}
    </div>
  );
}

function ActivitySummary({ cardio, mode, system }: { cardio: NonNullable<Workout['cardio']>; mode: SpeedMode; system: UnitSystem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = useId();
  const moving = cardio.moving_time_s ?? cardio.duration_s;
  const figures: Array<[string, string]> = [];
  if (cardio.distance_m != null) figures.push([t('activity.figures.distance'), formatDistance(cardio.distance_m, system, locale)]);
  if (cardio.duration_s != null) figures.push([t('activity.figures.duration'), formatActivityTime(cardio.duration_s)]);
  if (cardio.moving_time_s != null) figures.push([t('activity.figures.movingTime'), formatActivityTime(cardio.moving_time_s)]);
  if (cardio.distance_m && moving) {
    figures.push([
      mode === 'pace' ? t('activity.figures.pace') : t('activity.figures.speed'),
      formatPaceOrSpeed(mode, cardio.distance_m, moving, system, locale),
    ]);
  }
  if (cardio.elevation_gain_m != null) {
    figures.push([t('activity.figures.elevationGain'), formatElevation(cardio.elevation_gain_m, system, locale)]);
  }
  if (cardio.avg_heart_rate != null) figures.push([t('activity.figures.avgHeartRate'), `${formatNumber(cardio.avg_heart_rate, locale)} bpm`]);
  if (cardio.max_heart_rate != null) figures.push([t('activity.figures.maxHeartRate'), `${formatNumber(cardio.max_heart_rate, locale)} bpm`]);
  if (cardio.calories_kcal != null) {
    figures.push([t('activity.figures.calories'), `${formatNumber(Math.round(cardio.calories_kcal), locale)} kcal`]);
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="activity-section__title">
        {t(`activity.sports.${cardio.sport ?? 'other'}`)}
      </h2>
      <dl className="activity-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="activity-figures__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function TrackParts({
  workoutId,
  track,
  mode,
  system,
  mapTiles,
}: {
  workoutId: string;
  track: WorkoutTrack;
  mode: SpeedMode;
  system: UnitSystem;
  mapTiles: MapTiles | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const mapId = useId();
  const chartsId = useId();
  const splitsId = useId();
  const outdoor = track.points.filter(hasPosition).length > 1;

  const data = useMemo(() => {
    const distances = cumulativeDistances(track.points);
    const x = distances ?? track.points.map((p) => p.t);
    const speed = distances ? speedSeries(track.points, distances) : null;
    const splits =
      distances && system === 'imperial' ? computeSplits(track.points, distances, splitLengthM(system)) : track.splits;
    return {
      overDistance: distances !== null,
      speed: speed ? downsample(speed, MAX_CHART_POINTS) : null,
      elevation: downsample(memberSeries(track.points, x, 'ele'), MAX_CHART_POINTS),
      heartRate: downsample(memberSeries(track.points, x, 'hr'), MAX_CHART_POINTS),
      splits,
    };
  }, [track, system]);

  const unit = distanceUnit(system);
  const xProps = data.overDistance
    ? {
        xLabel: t('activity.chart.distanceAxis', { unit }),
        toX: (m: number) => toDisplayDistance(m, system),
        formatX: (v: number) => formatNumber(v, locale, { maxFractionDigits: 1 }),
        tableStep: system === 'imperial' ? 804.672 : 500,
      }
    : {
        xLabel: t('activity.chart.timeAxis'),
        toX: (s: number) => s / 60,
        formatX: (v: number) => formatNumber(v, locale, { maxFractionDigits: 0 }),
        tableStep: 300,
      };
  const perUnit = system === 'imperial' ? 1609.344 : 1000;

  return (
    <>
      {outdoor ? (
        <section aria-labelledby={mapId} className="activity-map">
          <h2 id={mapId} className="activity-section__title">
            {t('activity.map.title')}
          </h2>
          <TrackMap points={track.points} tiles={mapTiles} />
          <a className="activity-detail__download" href={workoutGpxUrl(workoutId)} download>
            {t('activity.downloadGpx')}
          </a>
        </section>
      ) : null}

      <section aria-labelledby={chartsId} className="activity-charts">
        <h2 id={chartsId} className="activity-section__title">
          {t('activity.chart.title')}
        </h2>
        {data.speed && hasValues(data.speed) ? (
          mode === 'pace' ? (
            <LineChart
              {...xProps}
              question={t('activity.chart.paceQuestion')}
              yLabel={t('activity.chart.paceAxis', { unit })}
              series={data.speed}
              toY={(mps: number) => perUnit / mps / 60}
              formatY={(min: number) => formatActivityTime(min * 60)}
              minSpan={1}
              invertY
            />
          ) : (
            <LineChart
              {...xProps}
              question={t('activity.chart.speedQuestion')}
              yLabel={t('activity.chart.speedAxis', { unit: system === 'imperial' ? 'mph' : 'km/h' })}
              series={data.speed}
              toY={(mps: number) => toDisplayDistance(mps * 3600, system)}
              formatY={(v: number) => formatNumber(v, locale, { maxFractionDigits: 1 })}
            />
          )
        ) : null}
        {hasValues(data.elevation) ? (
          <LineChart
            {...xProps}
            question={t('activity.chart.elevationQuestion')}
            yLabel={t('activity.chart.elevationAxis', { unit: elevationUnit(system) })}
            series={data.elevation}
            toY={(m: number) => toDisplayElevation(m, system)}
            formatY={(v: number) => formatNumber(v, locale, { maxFractionDigits: 0 })}
          />
        ) : null}
        {hasValues(data.heartRate) ? (
          <LineChart
            {...xProps}
            question={t('activity.chart.heartRateQuestion')}
            yLabel={t('activity.chart.heartRateAxis')}
            series={data.heartRate}
            toY={(bpm: number) => bpm}
            formatY={(v: number) => formatNumber(v, locale, { maxFractionDigits: 0 })}
          />
        ) : null}
      </section>

      {hasValues(data.heartRate) ? <HeartRateZonesSection workoutId={workoutId} /> : null}

      {data.splits.length > 0 ? (
        <section aria-labelledby={splitsId}>
          <h2 id={splitsId} className="activity-section__title">
            {t('activity.splits.title')}
          </h2>
          <SplitsTable splits={data.splits} mode={mode} system={system} />
        </section>
      ) : null}
    </>
  );
}
