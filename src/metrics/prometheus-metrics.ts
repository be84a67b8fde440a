// The metrics of one process in the Prometheus text format: counters the modules move as things
// happen, and gauges read at scrape time (queues from BullMQ, the outbox from Postgres). Each object
// has its own registry, so tests and several servers in one process never share numbers.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OutboxBacklogStatus } from '../delivery/outbox.ts';
import type { Metrics } from './metrics.ts';
import type { QueueDepths } from './queue-depths.ts';

/** What the gauges read when scraped; a process without them (a worker) shows its counters only. */
export interface MetricsSources {
  queues?: Pick<QueueDepths, 'read'>;
  outbox?: () => Promise<ReadonlyArray<{ channel: string; status: OutboxBacklogStatus; count: number }>>;
  /** The clock of reply latency, in milliseconds; the machine's when absent. */
  now?: () => number;
}

/** The counters as the modules see them, and the page a scrape gets. */
export interface PrometheusMetrics extends Metrics {
  readonly contentType: string;
  scrape(): Promise<string>;
}

/** From a quick answer to one that waited behind a broadcast, a 429 or a retry. */
const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * @example
 * const metrics = createMetrics({ queues: bullmqQueueDepths(...), outbox: () => outboxBacklog(db) });
 * metrics.messageReceived('telegram');
 * await metrics.scrape(); // '# HELP qafila_messages_received_total ...'
 */
export function createMetrics(sources: MetricsSources = {}): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers });
  const received = counter('qafila_messages_received_total', 'Messages villagers sent, per channel (a provider retrying one is counted once).', ['channel']);
  const sent = counter('qafila_messages_sent_total', 'Outbox messages the provider accepted, every part of them, per channel.', ['channel']);
  const latency = new Histogram({ name: 'qafila_reply_latency_seconds', help: "From a villager's message coming in to the provider accepting the first part of the reply.", labelNames: ['channel'], buckets: LATENCY_BUCKETS, registers });
  const delayed = counter('qafila_pacer_delayed_sends_total', "Sends the pacer held for their slot (the channel's rate, the chat's interval, a 429's hold).", ['channel']);
  const waited = counter('qafila_pacer_wait_seconds_total', 'Time sends spent waiting for their slot.', ['channel']);
  const throttled = counter('qafila_provider_throttled_total', 'Answers 429 (too many requests) from the provider.', ['channel']);
  const bookings = counter('qafila_bookings_total', 'Places villagers took.', ['channel']);
  const refusals = counter('qafila_booking_refusals_total', 'Places the rules refused, by what was asked and why.', ['action', 'reason']);
  const emergencies = counter('qafila_emergencies_total', 'Emergencies recognised and answered with the numbers.', ['channel']);
  const collectErrors = counter('qafila_metrics_collect_errors_total', 'Scrapes that could not read a gauge (Redis or Postgres out of reach).', ['source']);

  // The gauges are read before the page is written, so a source that failed shows in the same scrape.
  // A failed read leaves its gauge empty rather than showing the numbers of an earlier scrape.
  const readers: Array<{ source: string; read: () => Promise<void> }> = [];
  const gauge = (source: string, name: string, help: string, labelNames: string[], rows: () => Promise<ReadonlyArray<{ count: number } & Record<string, string | number>>>) => {
    const values = new Gauge({ name, help, labelNames, registers });
    readers.push({
      source,
      read: async () => {
        values.reset();
        for (const { count, ...labels } of await rows()) values.set(labels, count);
      },
    });
  };
  const { queues, outbox } = sources;
  if (queues) gauge('queues', 'qafila_queue_jobs', 'Jobs in each BullMQ queue by state (waiting, active, delayed, failed), read at scrape time.', ['queue', 'state'], () => queues.read());
  if (outbox) gauge('outbox', 'qafila_outbox_messages', 'Outbox rows per channel: pending, sending, doubtful (sending for more than 5 minutes), read at scrape time.', ['channel', 'status'], outbox);
  const readGauges = () => Promise.all(readers.map(({ source, read }) => read().catch(() => collectErrors.inc({ source }))));

  const now = sources.now ?? Date.now;
  return {
    contentType: registry.contentType,
    async scrape() {
      await readGauges();
      return registry.metrics();
    },
    now,
    messageReceived: (channel) => received.inc({ channel }),
    messageSent: (channel) => sent.inc({ channel }),
    replyAccepted: (channel, receivedAt) => latency.observe({ channel }, Math.max(0, now() - receivedAt) / 1000),
    sendDelayed: (channel, waitedMs) => {
      delayed.inc({ channel });
      waited.inc({ channel }, waitedMs / 1000);
    },
    providerThrottled: (channel) => throttled.inc({ channel }),
    booked: (channel) => bookings.inc({ channel }),
    bookingRefused: (action, reason) => refusals.inc({ action, reason }),
    emergency: (channel) => emergencies.inc({ channel }),
  };
}
