// The phone's camera at the desk: the back camera, a QR code read a few times a second, the torch where
// the camera has one; the camera stops as soon as a code is read or the scanner is closed.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../../i18n/index.ts';
import { qrDetector } from './qr-decoder.ts';

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';
const EVERY_MS = 150;

export function QrScanner({ t, onCode, onClose }: { t: Messages; onCode: (text: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const track = useRef<MediaStreamTrack | undefined>(undefined);
  const [state, setState] = useState<CameraState>('starting');
  const [torch, setTorch] = useState<boolean | undefined>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        setState(err instanceof DOMException && err.name === 'NotAllowedError' ? 'denied' : 'unavailable');
        return;
      }
      const element = video.current;
      if (stopped || !element) return stop();
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      track.current = stream.getVideoTracks()[0];
      const capabilities = track.current?.getCapabilities?.() as { torch?: boolean } | undefined;
      if (capabilities?.torch) setTorch(false);
      const detector = await qrDetector();
      setState('scanning');
      const look = async () => {
        if (stopped) return;
        const found = await detector.detect(element).catch(() => []);
        const text = found[0]?.rawValue;
        if (text) {
          stop();
          onCode(text);
          return;
        }
        timer = setTimeout(() => void look(), EVERY_MS);
      };
      void look();
    })();
    return stop;
  }, []);

  const toggleTorch = async () => {
    const on = !torch;
    await track.current?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] }).then(() => setTorch(on)).catch(() => setTorch(undefined));
  };

  return (
    <div class="desk-camera" role="group" aria-label={t.deskCamera}>
      <video ref={video} muted playsInline aria-hidden="true" />
      <p role="status" class={state === 'denied' || state === 'unavailable' ? 'banner error' : 'hint'}>
        {state === 'denied' ? t.deskCameraDenied : state === 'unavailable' ? t.deskCameraUnavailable : state === 'scanning' ? t.deskScanning : t.loading}
      </p>
      <div class="actions">
        {torch !== undefined ? <button type="button" aria-pressed={torch} onClick={() => void toggleTorch()}>{t.deskTorch}</button> : null}
        <button type="button" onClick={onClose}>{t.deskScanStop}</button>
      </div>
    </div>
  );
}
