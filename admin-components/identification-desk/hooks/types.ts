/** A line above the desk: what was done, or what the server refused. */
export type DeskMessage = { kind: 'error' | 'info'; text: string }

export type Say = (message: DeskMessage) => void
