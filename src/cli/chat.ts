// `npm run chat`: talk to the real engine and database as a villager, in the terminal or as JSON lines.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { conversationDepsFromConfig } from '../conversation/conversation-deps.ts';
import { handleInbound } from '../conversation/index.ts';
import { createDatabase } from '../db/connection.ts';
import { ensureDatabaseExists } from '../db/ensure-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { markSent } from '../delivery/outbox.ts';
import { normalizePhone } from '../domain/contacts/phone.ts';
import { formatAsJsonLine, formatForTerminal } from './chat-format.ts';
import { parseChatLine } from './chat-input.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run chat -- [--from +212600000001]     chat in the terminal as that phone number
  npm run --silent chat -- --jsonl           read {"from": "...", "text": "..."} lines, print one JSON line per reply`;

await runCommand(async () => {
  const { values } = parseArgs({ options: { from: { type: 'string', default: '+212600000001' }, jsonl: { type: 'boolean', default: false } } });
  const phone = normalizePhone(values.from);
  if (!phone.ok) throw new UsageError(`--from: ${phone.error}`);
  const config = loadDatabaseConfig(process.env);
  await ensureDatabaseExists(config.DATABASE_URL);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 4 });
  const deps = conversationDepsFromConfig(db, config);
  try {
    await prepareDatabase(db);
    const lines = createInterface({ input: process.stdin, terminal: false });
    if (!values.jsonl) process.stdout.write(`Chatting as ${phone.e164}. Write a message (Ctrl-D to quit).\n> `);
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const parsed = values.jsonl ? parseChatLine(line) : { ok: true as const, inbound: { channel: 'terminal' as const, from: phone.e164, phone: phone.e164, text: line } };
      if (!parsed.ok) {
        process.stdout.write(`${JSON.stringify({ error: parsed.error })}\n`);
        continue;
      }
      const handled = await handleInbound(deps, parsed.inbound);
      await markSent(db, handled.replies.map((r) => r.outboxId), 'terminal');
      for (const { reply } of handled.replies) {
        process.stdout.write(values.jsonl ? `${formatAsJsonLine(handled.recipient, reply)}\n` : `\n${formatForTerminal(reply)}\n`);
      }
      if (!values.jsonl) process.stdout.write('\n> ');
    }
  } finally {
    await db.destroy();
  }
}, USAGE);
