/** The table of the state machine: one handler per action. */
import type { ActionKey } from '../permissions';
import { answer, approve } from './answer';
import { assign } from './assign';
import { classify } from './classify';
import { close, duplicate, misuse, reopen } from './close';
import { recordCall, recordLetter, sendAnswer } from './deliver';
import { followUp, note, progress } from './entries';
import { setPublic } from './publish';
import type { Handler } from './types';

export const HANDLERS: { [K in ActionKey]: Handler<K> } = {
  classify,
  assign,
  note,
  progress,
  answer,
  approve,
  sendAnswer,
  recordCall,
  recordLetter,
  setPublic,
  close,
  reopen,
  duplicate,
  misuse,
  followUp,
};
