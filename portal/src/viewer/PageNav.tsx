import { useI18n } from '../i18n/context'

/** Previous / next page under the page, with "page n of N". */
export const PageNav = ({ page, count, onPage }: { page: number; count: number; onPage: (page: number) => void }) => {
  const { t } = useI18n()
  return (
    <div className="page-nav">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={t('copy.prevPage')}>
        ←
      </button>
      <span data-testid="page-indicator">{t('copy.page', { page, count })}</span>
      <button type="button" disabled={page >= count} onClick={() => onPage(page + 1)} aria-label={t('copy.nextPage')}>
        →
      </button>
    </div>
  )
}
