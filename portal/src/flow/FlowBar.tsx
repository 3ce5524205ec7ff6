import type { Id } from '../api/types'
import type { MyShare } from '../distribution/share'
import { NextToMarkButton } from './NextToMarkButton'
import { progressOf } from './nextToMark'
import { ProgressBar } from './ProgressBar'

/** The teacher's way through their share: how far they are, and the next copy still to mark. */
export const FlowBar = ({ share, pending, current }: { share: MyShare | null; pending: Id[]; current?: Id }) =>
  share ? (
    <span className="flow-bar">
      <ProgressBar progress={progressOf({ share, pending })} />
      <NextToMarkButton share={share} current={current} pending={pending} />
    </span>
  ) : null
