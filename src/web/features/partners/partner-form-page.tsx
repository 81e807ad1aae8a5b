import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type TPartnerInput, ZPartnerInput } from '../../../contracts/partners.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';
import { usePartner, useSavePartner } from './api';
import { PartnerForm } from './partner-form';
import {
  emptyPartnerValues,
  type PartnerFormValues,
  partnerToValues,
  valuesToInput,
} from './partner-form-values';

export function PartnerFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = usePartner(id);
  const save = useSavePartner(id);
  const [conflict, setConflict] = useState(false);
  const form = useForm<PartnerFormValues>({
    initialValues: emptyPartnerValues(),
    validate: zodValidator(ZPartnerInput, t, valuesToInput),
  });

  const loaded = existing.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when another version arrives
  useEffect(() => {
    if (loaded) {
      form.setValues(partnerToValues(loaded));
      form.resetDirty(partnerToValues(loaded));
    }
  }, [loaded?.id, loaded?.version]);

  if (id && existing.isPending) {
    return <FullPageLoader />;
  }
  if (id && existing.error) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }

  const submit = form.onSubmit((values) => {
    setConflict(false);
    const data = ZPartnerInput.parse(valuesToInput(values)) as TPartnerInput;
    save.mutate(
      { version: loaded?.version, data },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('partners.saved') });
          navigate(`/partners/${p.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
            setConflict(true);
          }
          const fields = serverFieldErrors(t, e);
          if (fields) {
            form.setErrors(fields);
          }
        },
      },
    );
  });

  const title = loaded
    ? t('partners.editTitle', { name: pickLocalized(loaded.names, currentLocale()) })
    : t('partners.new');

  return (
    <Stack>
      <PageHeader title={title} />
      {conflict && (
        <VersionConflictAlert
          onReload={() => {
            setConflict(false);
            save.reset();
            void existing.refetch();
          }}
        />
      )}
      {save.error && !conflict && <ErrorState error={save.error} />}
      <PartnerForm
        form={form}
        onSubmit={submit}
        saving={save.isPending}
        onCancel={() => navigate(id ? `/partners/${id}` : '/partners')}
        partnerId={id}
        knownNetworks={loaded?.networks}
      />
    </Stack>
  );
}
