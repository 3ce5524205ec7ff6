import { COLORS, TOOLS, type Tool } from '../canvas/tools'
import { useI18n } from '../i18n/context'

type Props = {
  tool: Tool
  color: string
  stampText: string
  zoom: number
  canUndo: boolean
  canRedo: boolean
  readOnly: boolean
  onTool: (tool: Tool) => void
  onColor: (color: string) => void
  onStampText: (text: string) => void
  onUndo: () => void
  onRedo: () => void
  onZoom: (direction: 1 | -1) => void
  onFit: () => void
}

export const Toolbar = (props: Props) => {
  const { t } = useI18n()
  const { canRedo, canUndo, color, readOnly, stampText, tool, zoom } = props
  return (
    <div className="toolbar" role="toolbar">
      {TOOLS.map((item) => (
        <button
          key={item.tool}
          type="button"
          className={item.tool === tool ? 'tool active' : 'tool'}
          title={`${t(item.label)} (${item.key.toUpperCase()})`}
          aria-label={t(item.label)}
          aria-pressed={item.tool === tool}
          data-tool={item.tool}
          disabled={readOnly && item.tool !== 'select'}
          onClick={() => props.onTool(item.tool)}
        >
          {item.icon}
        </button>
      ))}
      {tool === 'stamp' ? (
        <input className="stamp-text" aria-label={t('tool.stampText')} value={stampText} onChange={(e) => props.onStampText(e.target.value)} />
      ) : null}
      <span className="separator" />
      {COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={c === color ? 'swatch active' : 'swatch'}
          style={{ background: c }}
          aria-label={`${t('tool.color')} ${c}`}
          aria-pressed={c === color}
          onClick={() => props.onColor(c)}
        />
      ))}
      <span className="separator" />
      <button type="button" disabled={!canUndo || readOnly} onClick={props.onUndo} title={`${t('tool.undo')} (Ctrl+Z)`} aria-label={t('tool.undo')}>
        ↶
      </button>
      <button type="button" disabled={!canRedo || readOnly} onClick={props.onRedo} title={`${t('tool.redo')} (Ctrl+Shift+Z)`} aria-label={t('tool.redo')}>
        ↷
      </button>
      <span className="separator" />
      <button type="button" onClick={() => props.onZoom(-1)} aria-label={t('copy.zoomOut')} title={t('copy.zoomOut')}>
        −
      </button>
      <output className="zoom" data-testid="zoom">{Math.round(zoom * 100)} %</output>
      <button type="button" onClick={() => props.onZoom(1)} aria-label={t('copy.zoomIn')} title={t('copy.zoomIn')}>
        +
      </button>
      <button type="button" onClick={props.onFit} title={`${t('copy.fitWidth')} (F)`}>
        ↔
      </button>
    </div>
  )
}
