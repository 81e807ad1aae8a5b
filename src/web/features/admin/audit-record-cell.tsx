import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAuditEntry } from '../../../contracts/audit.js';

/**
 * UUIDv7 ids start with a timestamp, so entries written together share their first characters:
 * the last eight tell records apart.
 */
export function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-8)}` : id;
}

function agreementIdOf(value: unknown): string | null {
  const id = (value as { agreementId?: unknown } | null)?.agreementId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Where an audit entry's record can be seen in the app, if anywhere. */
export function recordPath(
  e: Pick<TAuditEntry, 'entityType' | 'entityId' | 'before' | 'after'>,
): string | null {
  if (!e.entityId) {
    return null;
  }
  switch (e.entityType) {
    case 'partner':
      return `/partners/${encodeURIComponent(e.entityId)}`;
    case 'agreement':
      return `/agreements/${encodeURIComponent(e.entityId)}`;
    case 'mobility':
      return `/exchanges/${encodeURIComponent(e.entityId)}`;
    case 'agreement_document': {
      const agreementId = agreementIdOf(e.after) ?? agreementIdOf(e.before);
      return agreementId ? `/agreements/${encodeURIComponent(agreementId)}` : null;
    }
    default:
      return null;
  }
}

/** "Partner · …3f9a2c1d", a link to the record page when there is one; the full id on hover. */
export function AuditRecordCell({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const type = t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType });
  if (!entry.entityId) {
    return <>{type}</>;
  }
  const text = (
    <>
      {type} ·{' '}
      <bdi style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{shortId(entry.entityId)}</bdi>
    </>
  );
  const path = recordPath(entry);
  return path ? (
    <Anchor component={Link} to={path} title={entry.entityId} fz="sm" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Anchor>
  ) : (
    <span title={entry.entityId} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
}
