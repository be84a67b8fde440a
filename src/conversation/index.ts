// The dialogue: a channel-agnostic step function and the service that runs it on Postgres.
export { handleInbound, type ConversationDeps, type HandledMessage, type OutboxReply } from './conversation-service.ts';
export { conversationStep, IDLE_RESET_MS } from './engine.ts';
export { InboundSchema, type Inbound } from './inbound.ts';
export { ReplySchema, type Reply, type Choice } from './reply.ts';
export { ConversationStateSchema, initialState, type ConversationState } from './state.ts';
export type { Effect, Outcome } from './effects.ts';
