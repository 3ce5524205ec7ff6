import { BadRequestError } from '../../../runtime/errors'

export class UnknownFormatError extends BadRequestError {
  constructor(format: string, known: string[]) {
    super(`Unknown export format "${format}" (known: ${known.join(', ')})`, { format, known })
  }
}

export class UnknownColumnError extends BadRequestError {
  constructor(column: string, known: string[]) {
    super(`Unknown column "${column}" (known: ${known.join(', ')})`, { column, known })
  }
}

export class UnknownRoundingError extends BadRequestError {
  constructor(rule: string, known: string[]) {
    super(`Unknown rounding rule "${rule}" (known: ${known.join(', ')})`, { rule, known })
  }
}
