// How a reply reads in a terminal, and as a JSON line for scripts.
import { choiceText, type Reply } from '../conversation/reply.ts';

export function formatForTerminal(reply: Reply): string {
  const lines = [reply.text];
  reply.choices?.forEach((c, i) => lines.push(`  ${i + 1}. ${choiceText(c)}`));
  if (reply.location) lines.push(`📍 ${reply.location.name}: https://maps.google.com/?q=${reply.location.lat},${reply.location.lng}`);
  if (reply.image) lines.push(`[QR code: ${reply.image.data}]`);
  return lines.join('\n');
}

export function formatAsJsonLine(to: string, reply: Reply): string {
  return JSON.stringify({
    to,
    text: reply.text,
    choices: reply.choices ?? [],
    ...(reply.location ? { location: reply.location } : {}),
    ...(reply.image ? { image: reply.image } : {}),
  });
}
