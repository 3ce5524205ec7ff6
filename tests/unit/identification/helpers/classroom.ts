import type { CopyReading, FieldCandidate, MatchStudent } from '../../../../plugins/identification/lib/match/index.js'
import { FIRST_NAMES, LAST_NAMES } from './names.js'
import { noisyRead } from './ocrNoise.js'
import type { Rng } from './prng.js'

/**
 * A class of 30 with the traps that cause wrong names: near-duplicate last names
 * (Martin/Martins with the same first name, Dupont/Dupond), siblings sharing a last
 * name (one pair with the same first-name initial), the rest random.
 */
export const generateClass = ({ rng, size = 30 }: { rng: Rng; size?: number }): MatchStudent[] => {
  const date = () => `${2009 + rng.int(2)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`
  const twinsDate = date()
  const traps: Omit<MatchStudent, 'studentKey'>[] = [
    { lastName: 'Martin', firstName: 'Léa', birthDate: date() },
    { lastName: 'Martins', firstName: 'Léa', birthDate: date() },
    { lastName: 'Dupont', firstName: 'Hugo', birthDate: date() },
    { lastName: 'Dupond', firstName: 'Inès', birthDate: date() },
    { lastName: 'Benali', firstName: 'Yasmine', birthDate: twinsDate },
    { lastName: 'Benali', firstName: 'Rayan', birthDate: twinsDate },
    { lastName: 'Lefèvre', firstName: 'Mathis', birthDate: date() },
    { lastName: 'Lefèvre', firstName: 'Maxime', birthDate: date() },
  ]
  const used = new Set(traps.map((t) => t.lastName))
  const students = [...traps]
  while (students.length < size) {
    const lastName = rng.pick(LAST_NAMES)
    if (used.has(lastName)) continue
    used.add(lastName)
    students.push({ lastName: rng.chance(0.3) ? lastName.toUpperCase() : lastName, firstName: rng.pick(FIRST_NAMES), birthDate: date() })
  }
  return rng.shuffle(students).map((s, i) => ({ ...s, studentKey: `st-${i}` }))
}

export type NoiseProfile = {
  /** Per-character error rate of each engine. */
  engineRates: number[]
  /** Header style of the exam paper for this class. */
  header: 'split' | 'full'
  dropFirstName: number
  initialOnly: number
  swapFields: number
  upperCase: number
  /** Probability the header has a readable date of birth. */
  dateRead: number
  /** Probability an engine returns nothing for a field. */
  engineMiss: number
}

export const REALISTIC: NoiseProfile = {
  engineRates: [0.06, 0.11],
  header: 'split',
  dropFirstName: 0.08,
  initialOnly: 0.04,
  swapFields: 0.06,
  upperCase: 0.5,
  dateRead: 0.4,
  engineMiss: 0.05,
}

const formatDateForCopy = (rng: Rng, iso: string) => {
  const [y, m, d] = iso.split('-') as [string, string, string]
  return rng.pick([`${d}/${m}/${y}`, `${d}/${m}/${y.slice(2)}`, `${Number(d)} ${Number(m)} ${y}`])
}

/** What the OCR engines would report for one student's header. */
export const simulateReading = ({
  rng,
  copyKey,
  student,
  profile,
}: {
  rng: Rng
  copyKey: string
  student: Pick<MatchStudent, 'lastName' | 'firstName' | 'birthDate'>
  profile: NoiseProfile
}): CopyReading => {
  const upper = rng.chance(profile.upperCase)
  const write = (s: string) => (upper ? s.toUpperCase() : s)
  let last: string = write(student.lastName)
  let first: string = write(student.firstName)
  if (rng.chance(profile.dropFirstName)) first = ''
  else if (rng.chance(profile.initialOnly)) first = `${first[0]}.`
  if (rng.chance(profile.swapFields)) [last, first] = [first, last]

  const read = (text: string): FieldCandidate[] =>
    text === ''
      ? []
      : profile.engineRates.flatMap((rate, engine) =>
          rng.chance(profile.engineMiss) ? [] : [{ text: noisyRead({ rng, text, rate }), confidence: 0.4 + 0.55 * rng.next(), engine: `e${engine}` }],
        )

  const fields: CopyReading['fields'] = {}
  if (profile.header === 'split') {
    fields.lastName = read(last)
    fields.firstName = read(first)
  } else {
    fields.fullName = read(rng.chance(0.7) ? `${last} ${first}`.trim() : `${first} ${last}`.trim())
  }
  if (student.birthDate && rng.chance(profile.dateRead)) fields.birthDate = read(formatDateForCopy(rng, student.birthDate))
  return { copyKey, fields }
}

export type SimulatedExam = {
  students: MatchStudent[]
  copies: CopyReading[]
  /** copyKey → the student who really wrote it (null for the unnamed copy and strangers). */
  truth: Map<string, string | null>
  unnamedKey: string
  strangerKey: string
}

/** 26 of 30 present, one unnamed copy, one copy from a student missing from the roster. */
export const simulateExam = ({ rng, profile, present = 26 }: { rng: Rng; profile: NoiseProfile; present?: number }): SimulatedExam => {
  const students = generateClass({ rng })
  const attending = rng.shuffle(students).slice(0, present)
  const truth = new Map<string, string | null>()
  const copies: CopyReading[] = attending.map((student, i) => {
    const copyKey = `copy-${i}`
    truth.set(copyKey, student.studentKey)
    return simulateReading({ rng, copyKey, student, profile })
  })
  const unnamedKey = 'copy-unnamed'
  copies.push({ copyKey: unnamedKey, fields: { lastName: [], firstName: [{ text: ' ', confidence: 0.2 }] } })
  truth.set(unnamedKey, null)
  const strangerKey = 'copy-stranger'
  copies.push(simulateReading({ rng, copyKey: strangerKey, student: { lastName: 'Zimmermann', firstName: 'Ulrich', birthDate: null }, profile }))
  truth.set(strangerKey, null)
  return { students, copies: rng.shuffle(copies), truth, unnamedKey, strangerKey }
}
