// One annotation model for the portal that draws and the server that burns annotations into PDFs.
export * from '../../../../shared/annotations'
