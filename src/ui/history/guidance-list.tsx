import { guidanceFor } from '../../core/guidance';
import { classList } from '../data-labels';
import { t } from '../i18n';

/** What to do, group by group (most urgent first), for the kinds of data that were exposed. */
export function GuidanceList({ dataClasses }: { dataClasses: readonly string[] }) {
  const items = guidanceFor(dataClasses, t);
  return (
    <section class="guidance" aria-labelledby="guidance-title">
      <h3 id="guidance-title">{t('guidanceHeading')}</h3>
      {items.map((item) => (
        <div class="guidance-group" key={item.group} data-group={item.group}>
          <h4>
            {item.title}
            {item.dataClasses.length > 0 && <span class="muted"> — {classList(item.dataClasses)}</span>}
          </h4>
          <ul>
            {item.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
