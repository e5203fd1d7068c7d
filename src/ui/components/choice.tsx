import type { ComponentChildren } from 'preact';

interface Props {
  type: 'checkbox' | 'radio';
  checked: boolean;
  onChange: (event: Event & { currentTarget: HTMLInputElement }) => void;
  name?: string;
  value?: string;
  'data-testid'?: string;
  /** The choice itself, in the label's weight. */
  label: ComponentChildren;
  /** More words on the same line, in the text's weight. */
  more?: ComponentChildren;
  /** Help under the label, lighter and smaller (what it needs, what it costs). */
  help?: ComponentChildren;
}

/**
 * A checkbox or radio with its label, the one markup every page uses (styled as label.choice in
 * base.css): the box never shrinks beside a long label, and help text is lighter than the label.
 */
export function Choice({ label, more, help, ...input }: Props) {
  return (
    <label class="choice">
      <input {...input} />
      <span class="choice-text">
        <span class="choice-label">{label}</span>
        {more !== undefined && <> {more}</>}
        {help !== undefined && <span class="help">{help}</span>}
      </span>
    </label>
  );
}
