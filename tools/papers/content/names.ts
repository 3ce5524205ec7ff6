import type { Rng } from '../prng.js'

/** A student as the truth and the rosters know them. `dob` is ISO (YYYY-MM-DD). */
export type Student = { last_name: string; first_name: string; dob?: string; class?: string; gender?: 'F' | 'M'; email?: string }

// Last names as a French class has them: common ones, particles and compounds, apostrophes, accents.
const LAST_NAMES = [
  'MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT', 'DURAND', 'LEROY', 'MOREAU', 'SIMON', 'LAURENT',
  'LEFEBVRE', 'MICHEL', 'GARCIA', 'DAVID', 'ROUX', 'VINCENT', 'FOURNIER', 'GIRARD', 'ANDRÉ', 'MERCIER', 'DUPONT', 'LAMBERT',
  'BONNET', 'FRANÇOIS', 'MARTINEZ', 'LEGRAND', 'GAUTIER', 'NGUYEN', 'CHEVALIER', 'FAURE', 'ROUSSEL', 'BLANC', 'GUÉRIN',
  'MULLER', 'HENRY', 'PERRIN', 'MATHIEU', 'CLÉMENT', 'BRUNET', 'SCHMITT', 'COLIN', 'CARON', 'TRAORÉ', 'DIALLO', 'KOWALSKI',
  'BOUCHER', 'LEMAIRE', 'HUBERT', 'RENAUD', 'JOLY', 'GAILLARD', 'BARBIER', 'ARNAUD', 'PICARD', 'COSTA', 'POIRIER',
] as const

// The awkward ones every class list has: every preset class carries them.
const AWKWARD_LAST = ['DA SILVA', 'LE GOFF', 'BEN AYED', "N'DIAYE", "O'NEILL", 'DOS SANTOS', 'LEBRETON-VIDAL', 'EL AMRANI'] as const

const FIRST_NAMES: readonly [string, 'F' | 'M'][] = [
  ['Lucas', 'M'], ['Emma', 'F'], ['Hugo', 'M'], ['Léa', 'F'], ['Louis', 'M'], ['Chloé', 'F'], ['Gabriel', 'M'], ['Manon', 'F'],
  ['Arthur', 'M'], ['Camille', 'F'], ['Jules', 'M'], ['Inès', 'F'], ['Nathan', 'M'], ['Sarah', 'F'], ['Adam', 'M'], ['Jade', 'F'],
  ['Raphaël', 'M'], ['Louise', 'F'], ['Ethan', 'M'], ['Alice', 'F'], ['Paul', 'M'], ['Zoé', 'F'], ['Tom', 'M'], ['Lina', 'F'],
  ['Noah', 'M'], ['Rose', 'F'], ['Victor', 'M'], ['Lou', 'F'], ['Jean-Baptiste', 'M'], ['Marie-Lou', 'F'], ['Maël', 'M'],
  ['Anaïs', 'F'], ['Noémie', 'F'], ['Éloïse', 'F'], ['Yasmine', 'F'], ['Awa', 'F'], ['Mamadou', 'M'], ['Océane', 'F'],
  ['Théo', 'M'], ['Élodie', 'F'], ['Ibrahim', 'M'], ['Matéo', 'M'], ['Clémence', 'F'], ['Anne-Sophie', 'F'], ['Loïc', 'M'],
  ['Maëlys', 'F'], ['Kylian', 'M'], ['Sacha', 'M'], ['Nour', 'F'], ['Timothée', 'M'],
]
const AWKWARD_FIRST = ['Jean-Baptiste', 'Zoé', 'Maël', 'Anne-Sophie', 'Éloïse'] as const

/** Pairs a roster really has: one letter or one suffix apart. The first is present, the second absent. */
const NEAR_LAST: readonly [string, string][] = [
  ['DUPONT', 'DURANT'],
  ['MARTIN', 'MARTINS'],
  ['BERNARD', 'BERTRAND'],
  ['MOREAU', 'MOREL'],
  ['LEROY', 'LE ROY'],
  ['PETIT', 'PETITJEAN'],
]

const pad2 = (n: number) => String(n).padStart(2, '0')

const dobFor = (rng: Rng, year: number) => `${year}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`

const firstOf = (name: string) => FIRST_NAMES.find(([n]) => n === name)!

const emailBase = (s: { first_name: string; last_name: string }) =>
  `${s.first_name}.${s.last_name}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z.-]/g, '')

export type ClassList = {
  /** roster order (alphabetical, as a school exports it) */
  roster: Student[]
  /** students who sat the exam, in the order their copies are stacked */
  present: Student[]
  /** on the roster, not in the batch: near-duplicates of present students among them */
  absent: Student[]
}

/**
 * A class: `present` students with every awkward name, plus `absent` students on the roster who did not
 * sit the exam — first the near-duplicates of present ones (DURANT next to DUPONT with the same first
 * name, MARTINS next to MARTIN), then a twin (same last name), then anyone.
 */
export const buildClass = ({ rng, present, absent, className, birthYear = 2008 }: { rng: Rng; present: number; absent: number; className: string; birthYear?: number }): ClassList => {
  const usedFull = new Set<string>()
  const usedEmail = new Set<string>()
  // LEROY Anaïs and LE ROY Anaïs fold to the same address: schools number the second one
  const emailOf = (s: Student) => {
    const base = emailBase(s)
    let e = base
    for (let i = 2; usedEmail.has(e); i++) e = `${base}${i}`
    usedEmail.add(e)
    return `${e}@eleve.exemple.fr`
  }
  const usedLast = new Set<string>()
  const firsts = rng.shuffle(FIRST_NAMES.map(([n]) => n))
  const make = (last: string, first: string): Student => {
    const [, gender] = firstOf(first)
    const s: Student = { last_name: last, first_name: first, dob: dobFor(rng, birthYear + (rng.chance(0.15) ? 1 : rng.chance(0.1) ? -1 : 0)), class: className, gender }
    s.email = emailOf(s)
    usedFull.add(`${last}|${first}`)
    usedLast.add(last)
    return s
  }
  // DUPONT/DURANT and MARTIN/MARTINS in every class (the cases that cost a wrong name), then others
  const nearPairs = [...NEAR_LAST.slice(0, 2), ...rng.shuffle(NEAR_LAST.slice(2))].slice(0, Math.min(NEAR_LAST.length, Math.max(2, Math.ceil(absent / 2))))
  const lastPool = rng.shuffle(LAST_NAMES.filter((l) => !NEAR_LAST.some(([a, b]) => a === l || b === l)))
  const awkwardLast = rng.shuffle([...AWKWARD_LAST]).slice(0, Math.min(AWKWARD_LAST.length, Math.max(0, present - nearPairs.length)))
  const awkwardFirst = rng.shuffle([...AWKWARD_FIRST])
  let fi = 0
  const nextFirst = () => {
    while (fi < firsts.length && awkwardFirst.includes(firsts[fi] as never)) fi++
    return firsts[fi++ % firsts.length]!
  }
  const students: Student[] = []
  for (const [a] of nearPairs) if (students.length < present) students.push(make(a, awkwardFirst.length && rng.chance(0.3) ? awkwardFirst.pop()! : nextFirst()))
  for (const l of awkwardLast) if (students.length < present) students.push(make(l, awkwardFirst.length ? awkwardFirst.pop()! : nextFirst()))
  for (const l of lastPool) {
    if (students.length >= present) break
    students.push(make(l, awkwardFirst.length ? awkwardFirst.pop()! : nextFirst()))
  }
  const absentees: Student[] = []
  for (const [a, b] of nearPairs) {
    if (absentees.length >= absent) break
    const twin = students.find((s) => s.last_name === a)
    if (twin) absentees.push(make(b, twin.first_name))
  }
  if (absentees.length < absent && students.length > 0) {
    const sibling = students[students.length - 1]!
    absentees.push(make(sibling.last_name, nextFirst()))
  }
  for (const l of lastPool.filter((l) => !usedLast.has(l))) {
    if (absentees.length >= absent) break
    absentees.push(make(l, nextFirst()))
  }
  const order = (a: Student, b: Student) => a.last_name.localeCompare(b.last_name, 'fr') || a.first_name.localeCompare(b.first_name, 'fr')
  return { roster: [...students, ...absentees].sort(order), present: rng.shuffle(students), absent: absentees }
}
