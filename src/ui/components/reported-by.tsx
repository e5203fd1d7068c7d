import type { ProviderId } from '../../core/breach';
import { agreement } from '../../core/agreement';
import type { Exposure } from '../../core/exposure';
import { reportedBy } from '../../core/incident-sources';
import { t } from '../i18n';

/** Which providers in use report a breach and, when only some do, why the others may not. */
export function ReportedBy({ exposure, enabled }: { exposure: Pick<Exposure, 'provider' | 'breachId' | 'also'>; enabled: readonly ProviderId[] }) {
  const said = agreement(reportedBy(exposure), enabled, t);
  if (!said) return null;
  return (
    <span class="reported-by" data-testid="reported-by">
      {said.line}
      {said.why.length > 0 && <span class="reported-why muted"> {said.why.join(' ')}</span>}
    </span>
  );
}
