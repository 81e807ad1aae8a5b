import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type TPartnerInput, ZPartnerInput } from '../../../contracts/partners.js';
import { EditFormPage, useEditForm } from '../../components/edit-form-page';
import { currentLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
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
  const form = useForm<PartnerFormValues>({
    initialValues: emptyPartnerValues(),
    validate: zodValidator(ZPartnerInput, t, valuesToInput),
  });
  const editor = useEditForm({
    id,
    form,
    existing: usePartner(id),
    save: useSavePartner(id),
    toValues: partnerToValues,
    toData: (values) => ZPartnerInput.parse(valuesToInput(values)) as TPartnerInput,
    savedMessage: t('partners.saved'),
    savedPath: (p) => `/partners/${p.id}`,
  });
  const { loaded, save, submit } = editor;

  return (
    <EditFormPage
      editor={editor}
      title={(p) =>
        p ? t('partners.editTitle', { name: pickLocalized(p.names, currentLocale()) }) : t('partners.new')
      }
    >
      <PartnerForm
        form={form}
        onSubmit={submit}
        saving={save.isPending}
        onCancel={() => navigate(id ? `/partners/${id}` : '/partners')}
        partnerId={id}
        knownNetworks={loaded?.networks}
      />
    </EditFormPage>
  );
}
