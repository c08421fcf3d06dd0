import type { GrantResult } from './allowance';

/** What the pause page asks the background for when the person chooses "Continue anyway". */
export interface ContinueMessage {
  type: 'steadfast:continue';
  url: string;
  minutes: number;
}

export function isContinueMessage(message: unknown): message is ContinueMessage {
  const m = message as Partial<ContinueMessage> | null;
  return (
    typeof m === 'object' && m !== null && m.type === 'steadfast:continue' && typeof m.url === 'string' && typeof m.minutes === 'number'
  );
}

export type ContinueReply = GrantResult;
