import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Icon } from '@/components/ui';
import { formatDuration } from '@/lib/format';
import { restRemainingS, type RestTimer } from '../lib/rest-timer';

export interface RestTimerPanelProps {
  rest: RestTimer;
  now: number;
  onAdd: () => void;
  onSkip: () => void;
}

/**
 * The countdown between sets, pinned above the tab bar while it runs: the time left, how
 * far along, +15 s and Skip. Screen readers hear when a rest starts and when it is over
 * (not every second). The phone vibrates at the end where it can.
 */
export function RestTimerPanel({ rest, now, onAdd, onSkip }: RestTimerPanelProps) {
  const { t } = useTranslation();
  const wasRunning = useRef(rest.status === 'running');

  useEffect(() => {
    if (rest.status === 'finished' && wasRunning.current) navigator.vibrate?.([200, 100, 200]);
    wasRunning.current = rest.status === 'running';
  }, [rest.status]);

  const remaining = restRemainingS(rest, now);
  const fraction = rest.status === 'running' && rest.totalS > 0 ? remaining / rest.totalS : 0;
  // A step of 5 % is fine enough for a bar and needs no inline style (the CSP forbids it).
  const step = Math.round(Math.min(1, Math.max(0, fraction)) * 20) * 5;

  return (
    <section className="rest-timer" aria-label={t('workouts.rest.label')} hidden={rest.status === 'idle'}>
      <p className="visually-hidden" role="status">
        {rest.status === 'running'
          ? t('workouts.rest.started', { seconds: rest.totalS })
          : rest.status === 'finished'
            ? t('workouts.rest.over')
            : ''}
      </p>
      {rest.status === 'running' ? (
        <>
          <div className="rest-timer__main">
            <Icon name="timer" className="rest-timer__icon" />
            <p className="rest-timer__text">
              <span className="rest-timer__caption">{t('workouts.rest.title')}</span>
              <span className="rest-timer__time" role="timer" aria-live="off">
                {formatDuration(remaining, { compact: true })}
              </span>
            </p>
            <Button variant="secondary" onClick={onAdd}>
              {t('workouts.rest.add')}
            </Button>
            <Button variant="ghost" onClick={onSkip}>
              {t('workouts.rest.skip')}
            </Button>
          </div>
          <div className="rest-timer__track" aria-hidden="true">
            <div className={`rest-timer__bar rest-timer__bar--${step}`} />
          </div>
        </>
      ) : rest.status === 'finished' ? (
        <div className="rest-timer__main">
          <Icon name="timer" className="rest-timer__icon" />
          <p className="rest-timer__text">
            <span className="rest-timer__time">{t('workouts.rest.over')}</span>
          </p>
          <Button variant="secondary" onClick={onSkip}>
            {t('workouts.rest.dismiss')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
