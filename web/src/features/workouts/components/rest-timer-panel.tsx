import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Icon, Notice } from '@/components/ui';
import { formatDuration } from '@/lib/format';
import { useLocalStore } from '@/lib/storage/local-store';
import { alertRestOver, changeRestAlert, restAlertPrefsStore, type RestAlertEnv, type RestAlertPrefs } from '../lib/rest-alerts';
import { browserRestAlertEnv, unlockAudioOnNextTap } from '../lib/rest-alerts-browser';
import { restRemainingS, type RestTimer } from '../lib/rest-timer';

export interface RestTimerPanelProps {
  rest: RestTimer;
  now: number;
  onAdd: () => void;
  onSkip: () => void;
  /** The browser's sound, vibration and notifications; tests pass fakes. */
  alertEnv?: RestAlertEnv;
}

/**
 * The countdown between sets, pinned above the tab bar while it runs: the time left, how
 * far along, +15 s, Skip, and the choice of signals at the end. Screen readers hear when a
 * rest starts and when it is over (not every second).
 */
export function RestTimerPanel({ rest, now, onAdd, onSkip, alertEnv }: RestTimerPanelProps) {
  const { t } = useTranslation();
  const env = useMemo(() => alertEnv ?? browserRestAlertEnv(), [alertEnv]);
  const [prefs, setPrefs] = useLocalStore(restAlertPrefsStore);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useRestOverAlert(rest, prefs, env);

  useEffect(() => {
    if (!prefs.sound) return;
    return unlockAudioOnNextTap(env);
  }, [prefs.sound, env]);

  const remaining = restRemainingS(rest, now);
  const fraction = rest.status === 'running' && rest.totalS > 0 ? remaining / rest.totalS : 0;
  // A step of 5 % is fine enough for a bar and needs no inline style (the CSP forbids it).
  const step = Math.round(Math.min(1, Math.max(0, fraction)) * 20) * 5;

  const settingsButton = (
    <Button variant="ghost" className="rest-timer__settings" onClick={() => setSettingsOpen(true)}>
      <Icon name="bell" />
      <span className="visually-hidden">{t('workouts.rest.alertsOpen')}</span>
    </Button>
  );

  return (
    <>
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
              {settingsButton}
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
            {settingsButton}
            <Button variant="secondary" onClick={onSkip}>
              {t('workouts.rest.dismiss')}
            </Button>
          </div>
        ) : null}
      </section>
      <RestAlertSettings
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        prefs={prefs}
        onChange={setPrefs}
        env={env}
      />
    </>
  );
}

const LATE_ALERT_MS = 3_000;

/**
 * Gives the chosen signals once when the rest's end time comes. A timeout aimed at the end
 * time, not the ticks: the ticks slow down in a background tab, and a rest that ended while
 * the page was closed is not announced late when it opens again.
 */
function useRestOverAlert(rest: RestTimer, prefs: RestAlertPrefs, env: RestAlertEnv) {
  const { t } = useTranslation();
  const alerted = useRef<number | null>(null);
  const prefsRef = useRef(prefs);
  prefsRef.current = prefs;
  const endsAt = rest.status === 'running' ? rest.endsAt : null;
  useEffect(() => {
    // Ended well before this page saw it (opened again later): the panel says so, quietly.
    if (endsAt === null || Date.now() - endsAt > LATE_ALERT_MS) return;
    const fire = () => {
      if (alerted.current === endsAt) return;
      alerted.current = endsAt;
      void alertRestOver(prefsRef.current, env, { title: t('workouts.rest.over'), body: t('workouts.rest.notificationBody') });
    };
    const timer = setTimeout(fire, Math.max(0, endsAt - Date.now()));
    return () => clearTimeout(timer);
  }, [endsAt, env, t]);
}

function RestAlertSettings({
  open,
  onClose,
  prefs,
  onChange,
  env,
}: {
  open: boolean;
  onClose: () => void;
  prefs: RestAlertPrefs;
  onChange: (prefs: RestAlertPrefs) => void;
  env: RestAlertEnv;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<'denied' | 'unsupported' | null>(null);
  const change = (which: keyof RestAlertPrefs, on: boolean) => {
    setProblem(null);
    void changeRestAlert(prefs, which, on, env).then((result) => {
      onChange(result.prefs);
      if (result.problem) setProblem(result.problem);
    });
  };
  return (
    <Dialog open={open} title={t('workouts.rest.alertsTitle')} onClose={onClose}>
      <p>{t('workouts.rest.alertsIntro')}</p>
      <div className="rest-alerts">
        <Checkbox
          label={t('workouts.rest.alertSound')}
          checked={prefs.sound}
          disabled={!env.audio}
          onCheckedChange={(on) => change('sound', on)}
        />
        <Checkbox
          label={t('workouts.rest.alertVibrate')}
          checked={prefs.vibrate}
          disabled={!env.vibrate}
          onCheckedChange={(on) => change('vibrate', on)}
        />
        <Checkbox
          label={t('workouts.rest.alertNotify')}
          checked={prefs.notify}
          disabled={!env.notifications}
          onCheckedChange={(on) => change('notify', on)}
        />
      </div>
      {!env.vibrate ? <p className="rest-alerts__hint">{t('workouts.rest.noVibration')}</p> : null}
      {problem ? (
        <Notice tone="info">{problem === 'denied' ? t('workouts.rest.notifyDenied') : t('workouts.rest.notifyUnsupported')}</Notice>
      ) : null}
      <div className="dialog__actions">
        <Button variant="primary" onClick={onClose}>
          {t('workouts.rest.alertsDone')}
        </Button>
      </div>
    </Dialog>
  );
}
