import { Fragment } from 'preact';
import { displayEmail } from '../format';

/**
 * An address as a person reads it (an internationalised domain in Unicode), with a chance to break
 * the line after the "@" and after each ".", so a long one wraps at its seams, not mid-word.
 */
export function AddressText({ email }: { email: string }) {
  const pieces = displayEmail(email).split(/(?<=[@.])/u);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
