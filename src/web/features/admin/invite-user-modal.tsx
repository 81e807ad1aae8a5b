import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { PARTNER_LINKED_ROLES, ZInviteUserRequestSchema } from '../../../contracts/users.js';
import { ErrorState } from '../../components/error-state';
import { currentLocale, LOCALE_LABELS, LOCALES, type Locale } from '../../i18n';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { useInviteUser } from './api';
import { type LinkedPartner, PartnerLinkSelect, partnerFitsRole } from './partner-link-select';

type InviteValues = { email: string; role: Role; locale: Locale; partner: LinkedPartner | null };

const linksPartner = (role: string) => (PARTNER_LINKED_ROLES as readonly string[]).includes(role);

/** The request: only enterprise and partner users act for a partner. */
function toRequest({ partner, ...v }: InviteValues) {
  return { ...v, partnerId: linksPartner(v.role) ? (partner?.id ?? null) : null };
}

export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const roles = useRoleOptions();
  const form = useForm<InviteValues>({
    initialValues: { email: '', role: 'coordinator', locale: currentLocale() as Locale, partner: null },
    validate: zodValidator(ZInviteUserRequestSchema, t, toRequest),
    onValuesChange: (v) => {
      // A partner that no longer fits the role (another role, or not private sector) is dropped.
      if (v.partner && !(linksPartner(v.role) && partnerFitsRole(v.role, v.partner.type))) {
        form.setFieldValue('partner', null);
      }
    },
  });

  function close() {
    form.reset();
    invite.reset();
    onClose();
  }

  const submit = form.onSubmit((v) =>
    invite.mutate(toRequest(v), {
      onSuccess: (u) => {
        notifications.show({ color: 'green', message: t('users.invited', { email: u.email }) });
        close();
      },
      onError: (e) => {
        const fields = serverFieldErrors(t, e);
        if (fields) {
          // The server reports the partner as `partnerId`; the form holds it as `partner`.
          const { partnerId, ...rest } = fields;
          form.setErrors(partnerId ? { ...rest, partner: partnerId } : rest);
        }
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('users.invite')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {invite.error && <ErrorState error={invite.error} />}
          <TextInput label={t('auth.email')} type="email" required {...form.getInputProps('email')} />
          <Select
            label={t('users.role')}
            data={roles}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          <Select
            label={t('user.language')}
            data={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          {linksPartner(form.values.role) && (
            <PartnerLinkSelect
              role={form.values.role}
              partner={form.values.partner}
              label={t('userPartner.column')}
              size="sm"
              w="100%"
              error={form.errors.partner ?? form.errors.partnerId}
              onChange={(p) => form.setFieldValue('partner', p)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
