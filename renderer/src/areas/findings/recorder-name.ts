// The name typed last in a triage or flag dialog, offered again in the next one of this session (kept in memory only).
let lastName = ''

export const recorderName = {
  get: (): string => lastName,
  set: (name: string): void => {
    lastName = name
  }
}
