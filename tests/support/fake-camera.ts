// A one-frame video for Chromium's fake camera, made from a PNG (the QR picture the bot sends): the
// picture's brightness centred on a white 640x480 frame, in the Y4M format Chromium reads (4:2:0, no colour).
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `path` and returns it. The picture must fit in 640x480. */
export function pngToY4m(png: Buffer, path: string): string {
  const image = PNG.sync.read(png);
  if (image.width > WIDTH || image.height > HEIGHT) throw new Error(`a ${image.width}x${image.height} picture does not fit the ${WIDTH}x${HEIGHT} frame`);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - image.width) / 2);
  const top = Math.floor((HEIGHT - image.height) / 2);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 4;
      const [r = 255, g = 255, b = 255] = [image.data[at], image.data[at + 1], image.data[at + 2]];
      luma[(top + y) * WIDTH + left + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma, chroma]));
  return path;
}
