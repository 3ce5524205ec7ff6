/** A page edit that does not make sense (no such page, a copy left empty…): the request is wrong, 400. */
export class PageEditError extends Error {
  readonly status = 400
  constructor(message: string) {
    super(message)
    this.name = 'PageEditError'
  }
}
