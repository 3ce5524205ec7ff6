'use client'
import type React from 'react'
import { useEffect, useMemo, useRef, useState } from 'react'

import { assign, type Id } from '../api'
import { studentOptions, type StudentOption } from '../studentOptions'
import type { DeskData } from './useDeskData'
import type { Translate } from './useDeskTranslation'
import type { Say } from './types'

/**
 * Naming the shown copy from the keyboard: type to filter the class list, arrows to choose, Enter to assign
 * and go on, Tab for the next copy, Escape to clear — a class of thirty copies should take a minute.
 */
export const useStudentSearch = ({ data, say, tr }: { data: DeskData; say: Say; tr: Translate }) => {
  const { desk, copy, shown, showAll, currentId, setCurrentId, load } = data
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState(0)
  // A student another copy holds is only taken from it on a second Enter: moving a name is deliberate.
  const [confirmTake, setConfirmTake] = useState<Id>()
  const input = useRef<HTMLInputElement>(null)
  const options: StudentOption[] = useMemo(() => studentOptions({ desk, copy, query }), [desk, copy, query])

  useEffect(() => {
    setSelected(0)
    setConfirmTake(undefined)
  }, [query, currentId])
  // Only when the copy changes: a page fix reloads the desk, and must leave the focus on its button.
  useEffect(() => input.current?.focus(), [currentId])

  const goNext = () => {
    if (!shown.length) return
    const index = shown.findIndex((c) => c.id === currentId)
    setCurrentId(shown[(index + 1) % shown.length]!.id)
    setQuery('')
  }

  const accept = async (option: StudentOption | undefined) => {
    if (!copy || !option) return
    const heldElsewhere = option.takenBy !== null && option.takenBy !== copy.id
    if (heldElsewhere && confirmTake !== option.studentId) {
      const holder = desk?.copies.find((c) => c.id === option.takenBy)?.anonymousId ?? String(option.takenBy)
      setConfirmTake(option.studentId)
      say({ kind: 'info', text: tr('takeConfirm', { name: option.name, copy: holder }) })
      return
    }
    setConfirmTake(undefined)
    try {
      await assign(copy.id, option.studentId, { takeFromHolder: heldElsewhere })
      say({ kind: 'info', text: `${tr('assigned')} ${option.name}` })
      setQuery('')
      const index = shown.findIndex((c) => c.id === copy.id)
      const following = showAll ? copy : (shown[index + 1] ?? shown[0])
      await load(following && (showAll || following.id !== copy.id) ? following.id : undefined)
    } catch (e) {
      say({ kind: 'error', text: (e as Error).message })
    }
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setSelected((s) => Math.min(s + 1, Math.max(0, options.length - 1)))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setSelected((s) => Math.max(0, s - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void accept(options[selected])
    } else if (event.key === 'Escape') {
      setQuery('')
      setConfirmTake(undefined)
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault()
      goNext()
    }
  }

  return { input, query, setQuery, options, selected, accept, onKeyDown }
}

export type StudentSearch = ReturnType<typeof useStudentSearch>
