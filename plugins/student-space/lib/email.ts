/**
 * The address as it is compared: trimmed, lower case. Anything that does not look like one address is
 * refused before it reaches a query, so a `%` or a space can never widen the search to other students.
 */
export const normalizeEmail = (input: unknown): string | undefined => {
  if (typeof input !== 'string') return undefined
  const email = input.trim().toLowerCase()
  if (email.length > 254 || !/^[^\s@%]+@[^\s@%]+$/.test(email)) return undefined
  return email
}
