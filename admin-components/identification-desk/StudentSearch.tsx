'use client'
import React from 'react'

import type { DeskCopy } from './api'
import type { StudentSearch as Search } from './hooks/useStudentSearch'
import type { Translate } from './hooks/useDeskTranslation'

/** The type-ahead over the class list and the names offered for the shown copy (suggestions first). */
export const StudentSearch = ({ copy, search, tr }: { copy: DeskCopy; search: Search; tr: Translate }) => (
  <>
    <input
      ref={search.input}
      className="identification-desk__search"
      data-testid="desk-search"
      value={search.query}
      placeholder={tr('searchRoster')}
      onChange={(e) => search.setQuery(e.target.value)}
      onKeyDown={search.onKeyDown}
      autoFocus
      aria-label={tr('searchRoster')}
    />
    <p className="identification-desk__help">{tr('keyboardHelp')}</p>
    {!search.query && <h3>{tr('suggestions')}</h3>}
    {search.options.length ? (
      <ul className="identification-desk__options" role="listbox">
        {search.options.map((option, i) => {
          const taken = option.takenBy !== null && option.takenBy !== copy.id
          const classes = ['identification-desk__option', i === search.selected && 'identification-desk__option--selected', taken && 'identification-desk__option--taken']
          return (
            <li
              key={String(option.studentId)}
              role="option"
              aria-selected={i === search.selected}
              data-testid="desk-option"
              data-student-id={String(option.studentId)}
              data-taken={taken ? 'true' : 'false'}
              className={classes.filter(Boolean).join(' ')}
              onMouseDown={(e) => {
                e.preventDefault()
                void search.accept(option)
              }}
            >
              <span>{option.name}</span>
              <span>
                {taken && <em>{tr('taken')} </em>}
                {option.score !== undefined && `${Math.round(option.score * 100)} %`}
              </span>
            </li>
          )
        })}
      </ul>
    ) : (
      <p>{tr('noCandidate')}</p>
    )}
  </>
)
