// Prepared booklets (issue 17): a subject to print them on and a copier's scan of the printed set.
export { bookletSubject } from './subject.js'
export { scanPrinted, type PrintedScan, type ScannedPrintPage } from './scanPrinted.js'
