/**
 * Run-time checks of the leak trail's requests (#17), written with valibot. The router answers a
 * payload that fails with "malformed request"; what a person typed (a site) is checked by the
 * handler, which says precisely what is wrong with it.
 */
import * as v from 'valibot';
import type { RequestOf } from './messages';

const email = v.pipe(v.string(), v.maxLength(1000));
const guard = <T>(schema: v.GenericSchema<unknown, unknown>) => (payload: unknown): payload is T => v.is(schema, payload);

export const TRAIL_VALIDATORS = {
  'address/given-to': guard<RequestOf<'address/given-to'>>(v.object({ email, sites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(100)) })),
  'address/suggest': guard<RequestOf<'address/suggest'>>(v.object({ email, tabUrl: v.optional(v.pipe(v.string(), v.maxLength(8192))) })),
  'trail/set-state': guard<RequestOf<'trail/set-state'>>(v.object({ id: v.pipe(v.string(), v.maxLength(3000)), state: v.picklist(['new', 'acknowledged', 'resolved']) })),
};
