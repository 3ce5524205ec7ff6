/** The desk's layout, in Payload's theme variables (light and dark). */
export const styles = {
  page: { padding: '1.5rem 2rem', maxWidth: 1100 },
  row: { display: 'flex', gap: '1.5rem', alignItems: 'flex-start' },
  crop: { maxWidth: '100%', border: '1px solid var(--theme-elevation-150)', background: '#fff' },
  list: { listStyle: 'none', padding: 0, margin: '0.5rem 0', border: '1px solid var(--theme-elevation-150)', maxHeight: 320, overflowY: 'auto' as const },
  item: (selected: boolean, taken: boolean) => ({
    padding: '0.4rem 0.75rem',
    cursor: 'pointer',
    background: selected ? 'var(--theme-elevation-150)' : undefined,
    opacity: taken ? 0.55 : 1,
    display: 'flex',
    justifyContent: 'space-between',
  }),
  side: { width: 260, flexShrink: 0 },
  input: { width: '100%', padding: '0.5rem 0.75rem', fontSize: '1rem' },
}
