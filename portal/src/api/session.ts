const TOKEN_KEY = 'korrigo.token'

/** The JWT lives for the tab only (sessionStorage): closing the tab signs the teacher out. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
}
