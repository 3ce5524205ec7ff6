import { useEffect, useState } from 'react'

/**
 * Hash routes (`#/`, `#/copy/42`, `#/student`, `#/student/copy/42`): a reload lands on the same page
 * without any server-side routing. `#/student…` is the student area, which has its own session.
 */
export type Route = { name: 'exams' } | { name: 'copy'; copyId: string } | { name: 'student'; copyId?: string }

const parse = (hash: string): Route => {
  const studentCopy = /^#\/student\/copy\/([^/?#]+)/.exec(hash)
  if (studentCopy) return { name: 'student', copyId: decodeURIComponent(studentCopy[1]) }
  if (/^#\/student(?:[/?#]|$)/.test(hash)) return { name: 'student' }
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
