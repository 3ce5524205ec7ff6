import { useEffect, useState } from 'react'

/** Hash routes (`#/`, `#/copy/42`): a reload lands on the same copy without any server-side routing. */
export type Route = { name: 'exams' } | { name: 'copy'; copyId: string }

const parse = (hash: string): Route => {
  const match = /^#\/copy\/([^/?#]+)/.exec(hash)
  return match ? { name: 'copy', copyId: decodeURIComponent(match[1]) } : { name: 'exams' }
}

export const navigate = (path: string): void => {
  window.location.hash = path
}

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parse(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
