import type { Design } from './types.js'

/**
 * A plain Seyès "copie double" (large squares, red margin): nothing printed, the student writes "Prénom NOM"
 * or "NOM Prénom" at the top right, sometimes the class on the line below, and often the subject at the top.
 * The slots only say where the hand goes: there is no printed field.
 */
export const copieDouble: Design = {
  id: 'copie-double',
  tuned: true,
  description: 'plain Seyès copie double, no printed label: the name written at the top right, sometimes the class below',
  printedExercises: false,
  paper: 'seyes',
  typeface: 'sans',
  header: ({ exam }) => ({
    // Seyès bold lines fall every 8 mm from the top rule (see drawSeyes): write on the 2nd and 3rd
    slots: [
      { field: 'full_name', write: { kind: 'line', x: 360, y: 12 * 2.835 + 2 * 22.68, width: 210 } },
      { field: 'class', write: { kind: 'line', x: 380, y: 12 * 2.835 + 3 * 22.68, width: 160 } },
    ],
    bottom: 0,
    titled: false,
    extras: [{ x: 190, y: 12 * 2.835 + 5 * 22.68, width: 250, text: (e) => e.title.split(' — ').pop()! }],
  }),
}
