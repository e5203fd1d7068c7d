/**
 * The shape of a change to a request as a page sends it ('request/change' in messages.ts). Only
 * the shape is checked here: whether a date is a real day, not in the future and not before the
 * request was sent is applyRequestChange's to say, in words the form shows.
 */
import * as v from 'valibot';
import { LAWS, type LawId } from './laws';

const DAY = v.pipe(v.string(), v.maxLength(40));
const NOTE = v.pipe(v.string(), v.maxLength(5000));

export const RequestChangeInputSchema = v.variant('action', [
  v.strictObject({ action: v.literal('sent'), sentOn: DAY, law: v.picklist(LAWS.map((l) => l.id) as [LawId, ...LawId[]]) }),
  v.strictObject({ action: v.literal('extended'), months: v.number() }),
  v.strictObject({ action: v.literal('answered'), answeredOn: DAY, note: NOTE }),
  v.strictObject({ action: v.literal('closed'), note: NOTE }),
  v.strictObject({ action: v.literal('reopened') }),
]);
