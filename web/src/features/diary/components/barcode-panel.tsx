import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ErrorState, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useFindFoodByBarcode } from '../api/find-food-by-barcode';
import type { Food } from '../lib/model';

// The Barcode Detection API is in Chromium-based browsers (Android, ChromeOS, macOS) but not in
// TypeScript's DOM types yet: the little of it used here.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e'];
const SCAN_INTERVAL_MS = 250;

function barcodeDetector(): BarcodeDetectorConstructor | undefined {
  if (typeof window === 'undefined') return undefined;
  const detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!detector || typeof navigator.mediaDevices?.getUserMedia !== 'function') return undefined;
  return detector;
}

/** Only the digits of what was typed or scanned (spaces and dashes are common in print). */
export function barcodeDigits(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export interface BarcodePanelProps {
  onFound: (food: Food) => void;
  /** The page for a new product of one's own, with the barcode filled in. */
  newFoodPath: (barcode?: string) => string;
}

/**
 * A barcode, scanned with the camera where the browser can (BarcodeDetector and
 * getUserMedia) or typed; looked up on the server, which checks the check digit.
 */
export function BarcodePanel({ onFound, newFoodPath }: BarcodePanelProps) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [scanning, setScanning] = useState(false);
  const lookup = useFindFoodByBarcode();
  const canScan = barcodeDetector() !== undefined;

  const find = (code: string) => {
    const clean = barcodeDigits(code);
    if (clean === '') return;
    setDigits(clean);
    lookup.mutate(clean, { onSuccess: onFound });
  };

  const error = lookup.error;
  const fieldError = error instanceof ApiError && error.status === 422 ? (error.fieldError('code') ?? errorMessage(error, t)) : undefined;
  const notFound = error instanceof ApiError && error.status === 404;
  const searched = lookup.variables ?? digits;

  return (
    <div className="diary-barcode">
      <h3 className="diary-foods__title">{t('diary.barcode.title')}</h3>
      {canScan ? (
        scanning ? (
          <Scanner
            onDetected={(code) => {
              setScanning(false);
              find(code);
            }}
            onStop={() => setScanning(false)}
          />
        ) : (
          <Button block onClick={() => setScanning(true)}>
            {t('diary.barcode.scan')}
          </Button>
        )
      ) : (
        <p className="field__hint">{t('diary.barcode.noCamera')}</p>
      )}
      <form
        className="form diary-barcode__form"
        onSubmit={(event) => {
          event.preventDefault();
          find(digits);
        }}
      >
        <TextField
          label={t('diary.barcode.digits')}
          hint={t('diary.barcode.digitsHint')}
          value={digits}
          onValueChange={(value) => {
            setDigits(value);
            if (lookup.isError) lookup.reset();
          }}
          inputMode="numeric"
          autoComplete="off"
          maxLength={32}
          error={fieldError}
          data-autofocus={canScan ? undefined : true}
        />
        <Button type="submit" variant="secondary" disabled={lookup.isPending || barcodeDigits(digits) === ''}>
          {t('diary.barcode.lookUp')}
        </Button>
      </form>
      {notFound ? (
        <div className="diary-barcode__missing" role="status">
          <p>{t('diary.barcode.notFound', { code: searched })}</p>
          <Link to={newFoodPath(searched)}>{t('diary.barcode.create')}</Link>
        </div>
      ) : null}
      {error && !notFound && fieldError === undefined ? <ErrorState inline message={errorMessage(error, t)} /> : null}
    </div>
  );
}

/** The camera's picture while BarcodeDetector looks for a code in it, a few times a second. */
function Scanner({ onDetected, onStop }: { onDetected: (code: string) => void; onStop: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const detected = useRef(onDetected);
  detected.current = onDetected;

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: FORMATS });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = media;
        await video.play();
        timer = setInterval(() => {
          detector
            .detect(video)
            .then((codes) => {
              const code = codes[0]?.rawValue;
              if (code && !stopped) {
                stopped = true;
                detected.current(code);
              }
            })
            .catch(() => undefined);
        }, SCAN_INTERVAL_MS);
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="diary-scanner">
      {failed ? (
        <p className="field__error">{t('diary.barcode.cameraFailed')}</p>
      ) : (
        <video ref={videoRef} className="diary-scanner__video" muted playsInline aria-label={t('diary.barcode.camera')} />
      )}
      <Button variant="secondary" onClick={onStop}>
        {t('diary.barcode.stop')}
      </Button>
    </div>
  );
}
