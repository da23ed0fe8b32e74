// A value list: imported by db/schema.ts, so it imports nothing.

export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Why a message is sent: decides its sending limits and how urgent it is for the gateway. */
export const MESSAGE_PURPOSES = ['verification', 'recovery', 'security', 'notification'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
