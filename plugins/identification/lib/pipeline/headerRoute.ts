import { writesNameInCells, type BlankForm } from '../fields/index'

/**
 * How one copy's first page is read, the same in the app (services/readCopyHeader.ts) and the CLI
 * (readCopies.ts), whatever a reading is there.
 */
export type HeaderRoute<R> = {
  /** ingestion found a framed header box on the page (for the rotation it keeps) */
  framed: boolean
  /** the form that says whether the name is written one letter per cell: the subject's, else the batch's */
  printedForm: () => Promise<BlankForm | undefined>
  /** the batch's blank form (the subject's, else learned), undefined when none is to be had */
  batchForm: () => Promise<BlankForm | undefined>
  againstForm: (form: BlankForm) => Promise<R>
  /** the framed box's reader on the box (`framed`), or on the top band's printed labels */
  readBox: (framed: boolean) => Promise<R>
  /** whether a box reading placed its fields by NOM / Prénom labels found in the box */
  foundLabels: (reading: R) => boolean
}

/**
 * A framed page whose form asks for letter cells (the official sheet: the box's reader would stop at the
 * first cell) is read against that form; another framed page by its box, and against the batch's form
 * when no NOM / Prénom label is in the box (another frame of the page); any other page against the batch's
 * form, or by its top band's labels when there is none. Learning a batch's form costs seconds: the forms
 * are asked for only on the way that needs them.
 */
export const readByRoute = async <R>(route: HeaderRoute<R>): Promise<R> => {
  if (route.framed) {
    const printed = await route.printedForm()
    if (printed && writesNameInCells(printed)) return route.againstForm(printed)
    const boxed = await route.readBox(true)
    if (route.foundLabels(boxed)) return boxed
    const blank = await route.batchForm()
    return blank ? route.againstForm(blank) : boxed
  }
  const blank = await route.batchForm()
  return blank ? route.againstForm(blank) : route.readBox(false)
}
