export type Region = 'full' | 'left' | 'right' | 'top' | 'bottom'
export type Rotation = 0 | 90 | 180 | 270

/**
 * One page of a copy: which half of which page of which batch, turned by `rotation` (clockwise) to be upright;
 * `subjectPage`, the page of the exam's subject ingestion matched it with when the batch was cut on one.
 */
export type CopyPage = { batch: string | number; sourcePage: number; region: Region; rotation: Rotation; blank?: boolean; subjectPage?: number }
