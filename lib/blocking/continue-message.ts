import type { GrantResult } from './allowance';

/** What the pause page asks the background for when the person chooses "Continue anyway". */
export interface ContinueMessage {
  type: 'steadfast:continue';
  url: string;
  minutes: number;
}

export function isContinueMessage(message: unknown): message is ContinueMessage {
  const m = message as Partial<ContinueMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'steadfast:continue' && typeof m.url === 'string' && typeof m.minutes === 'number';
}

export type ContinueReply = GrantResult;

/** What the pause page tells the background as soon as it is shown: its wait starts now. */
export interface PauseShownMessage {
  type: 'steadfast:pause-shown';
}

export function isPauseShownMessage(message: unknown): message is PauseShownMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'steadfast:pause-shown';
}
