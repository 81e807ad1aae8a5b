import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../contracts/surveys.js';

const COLORS: Record<SurveyStatus, MantineColor> = { draft: 'gray', open: 'green', closed: 'dark' };

/** The survey's status as text on a coloured badge (never colour alone). */
export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`surveys.statuses.${status}`)}
    </Badge>
  );
}

/** Hake's bands in colour: low red, medium orange, high green. */
export const BAND_COLORS: Record<'low' | 'medium' | 'high', MantineColor> = {
  low: 'red',
  medium: 'orange',
  high: 'green',
};
