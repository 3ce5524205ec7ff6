/** Colours that read on Payload's light and dark themes alike. */
export const palette = {
  bar: '#4a78b5',
  barMuted: 'var(--theme-elevation-150)',
  mean: '#d9822b',
  median: '#2f9e6e',
  severe: '#c0392b',
  lenient: '#2e86c1',
  inLine: '#7f8c8d',
  text: 'var(--theme-text)',
  axis: 'var(--theme-elevation-400)',
}
