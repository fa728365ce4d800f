/** NOTIFY channel the writer signals and the relay LISTENs on; per database, so one name suffices. */
export const OUTBOX_CHANNEL = 'outbox_new';
