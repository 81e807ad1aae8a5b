import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { Permission } from '../../contracts/roles.js';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { FullPageLoader, RequirePermission, RequireSession } from './session';

/** Lazy page: each route is its own chunk. */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const SignInPage = page(() => import('../features/auth/sign-in-page'), 'SignInPage');
const ForgotPasswordPage = page(() => import('../features/auth/forgot-password-page'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('../features/auth/reset-password-page'), 'ResetPasswordPage');
const AcceptInvitationPage = page(
  () => import('../features/auth/accept-invitation-page'),
  'AcceptInvitationPage',
);
const DashboardPage = page(() => import('../features/dashboard/dashboard-page'), 'DashboardPage');
const PartnersListPage = page(() => import('../features/partners/partners-list-page'), 'PartnersListPage');
const PartnerDetailPage = page(() => import('../features/partners/partner-detail-page'), 'PartnerDetailPage');
const PartnerFormPage = page(() => import('../features/partners/partner-form-page'), 'PartnerFormPage');
const PartnerImportPage = page(() => import('../features/partners/import-page'), 'PartnerImportPage');
const AgreementsListPage = page(
  () => import('../features/agreements/agreements-list-page'),
  'AgreementsListPage',
);
const AgreementDetailPage = page(
  () => import('../features/agreements/agreement-detail-page'),
  'AgreementDetailPage',
);
const AgreementFormPage = page(
  () => import('../features/agreements/agreement-form-page'),
  'AgreementFormPage',
);
const UsersPage = page(() => import('../features/admin/users-page'), 'UsersPage');
const AuditPage = page(() => import('../features/admin/audit-page'), 'AuditPage');
const OutboxPage = page(() => import('../features/admin/outbox-page'), 'OutboxPage');
const PlannedModulePage = page(() => import('../features/planned/planned-module-page'), 'PlannedModulePage');
const NotFoundPage = page(() => import('../features/planned/not-found-page'), 'NotFoundPage');

export const PLANNED_MODULES = [
  'projects',
  'training',
  'exchanges',
  'competitions',
  'evaluation',
  'talent',
] as const;

function Lazy() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Outlet />
    </Suspense>
  );
}

function guarded(permission: Permission, Component: ComponentType) {
  return (
    <RequirePermission permission={permission}>
      <Component />
    </RequirePermission>
  );
}

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      {
        element: <Lazy />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/accept-invitation', element: <AcceptInvitationPage /> },
        ],
      },
    ],
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      {
        element: <Lazy />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'partners', element: guarded(Permission.PartnerRead, PartnersListPage) },
          { path: 'partners/new', element: guarded(Permission.PartnerWrite, PartnerFormPage) },
          { path: 'partners/import', element: guarded(Permission.PartnerImport, PartnerImportPage) },
          { path: 'partners/:id', element: guarded(Permission.PartnerRead, PartnerDetailPage) },
          { path: 'partners/:id/edit', element: guarded(Permission.PartnerWrite, PartnerFormPage) },
          { path: 'agreements', element: guarded(Permission.AgreementRead, AgreementsListPage) },
          { path: 'agreements/new', element: guarded(Permission.AgreementWrite, AgreementFormPage) },
          { path: 'agreements/:id', element: guarded(Permission.AgreementRead, AgreementDetailPage) },
          { path: 'agreements/:id/edit', element: guarded(Permission.AgreementWrite, AgreementFormPage) },
          { path: 'admin/users', element: guarded(Permission.UserRead, UsersPage) },
          { path: 'admin/audit', element: guarded(Permission.AuditRead, AuditPage) },
          { path: 'admin/outbox', element: guarded(Permission.OutboxRead, OutboxPage) },
          ...PLANNED_MODULES.map((m) => ({ path: m, element: <PlannedModulePage /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
