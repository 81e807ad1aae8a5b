import { INTRODUCED_STAGES, STAGE_MOVES } from '../../../contracts/talent-demand.js';
import type { ShortlistStage } from './demand.tables.js';

/** Whether the college or the candidate may move an entry from one stage to another. */
export function canMove(by: 'college' | 'candidate', from: ShortlistStage, to: ShortlistStage): boolean {
  return STAGE_MOVES[by][from].includes(to);
}

/** Stages at which the enterprise may see the candidate's name and e-mail for the posting. */
export function isIntroduced(stage: ShortlistStage): boolean {
  return (INTRODUCED_STAGES as readonly string[]).includes(stage);
}
