/** The time the service decides by; tests inject a fixed one to walk the claim window's edges. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
