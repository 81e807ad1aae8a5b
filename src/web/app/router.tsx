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
const ProjectsListPage = page(() => import('../features/projects/projects-list-page'), 'ProjectsListPage');
const ProjectDetailPage = page(() => import('../features/projects/project-detail-page'), 'ProjectDetailPage');
const ProjectFormPage = page(() => import('../features/projects/project-form-page'), 'ProjectFormPage');
const IatiPage = page(() => import('../features/iati/iati-page'), 'IatiPage');
const ProjectEvaluationPage = page(
  () => import('../features/evaluation-reports/evaluation-page'),
  'ProjectEvaluationPage',
);
const BasesListPage = page(() => import('../features/bases/bases-list-page'), 'BasesListPage');
const BaseDetailPage = page(() => import('../features/bases/base-detail-page'), 'BaseDetailPage');
const BaseFormPage = page(() => import('../features/bases/base-form-page'), 'BaseFormPage');
const BaseCompliancePage = page(() => import('../features/bases/compliance-page'), 'BaseCompliancePage');
const InventoryImportPage = page(() => import('../features/bases/import-pages'), 'InventoryImportPage');
const InfrastructureListImportPage = page(
  () => import('../features/bases/import-pages'),
  'InfrastructureListImportPage',
);
const InfrastructureListsPage = page(
  () => import('../features/bases/infrastructure-lists-page'),
  'InfrastructureListsPage',
);
const InfrastructureListDetailPage = page(
  () => import('../features/bases/infrastructure-lists-page'),
  'InfrastructureListDetailPage',
);
const MobilitiesListPage = page(
  () => import('../features/exchanges/mobilities-list-page'),
  'MobilitiesListPage',
);
const MobilityDetailPage = page(
  () => import('../features/exchanges/mobility-detail-page'),
  'MobilityDetailPage',
);
const MobilityFormPage = page(() => import('../features/exchanges/mobility-form-page'), 'MobilityFormPage');
const ProgrammesListPage = page(
  () => import('../features/training/programmes-list-page'),
  'ProgrammesListPage',
);
const ProgrammeDetailPage = page(
  () => import('../features/training/programme-detail-page'),
  'ProgrammeDetailPage',
);
const ProgrammeFormPage = page(() => import('../features/training/programme-form-page'), 'ProgrammeFormPage');
const CohortPage = page(() => import('../features/training/cohort-page'), 'CohortPage');
const AttendancePage = page(() => import('../features/training/attendance-page'), 'AttendancePage');
const EnrolmentImportPage = page(() => import('../features/training/import-page'), 'EnrolmentImportPage');
const PortalPage = page(() => import('../features/training/portal-page'), 'PortalPage');
const CertificatesPage = page(() => import('../features/certificates/certificates-page'), 'CertificatesPage');
const PortfolioPage = page(() => import('../features/portfolio/portfolio-page'), 'PortfolioPage');
const SurveysListPage = page(() => import('../features/surveys/surveys-list-page'), 'SurveysListPage');
const SurveyFormPage = page(() => import('../features/surveys/survey-form-page'), 'SurveyFormPage');
const SurveyDetailPage = page(() => import('../features/surveys/survey-detail-page'), 'SurveyDetailPage');
const SurveyResultsPage = page(() => import('../features/surveys/survey-results-page'), 'SurveyResultsPage');
const SurveyInsightsPage = page(
  () => import('../features/surveys/survey-insights-page'),
  'SurveyInsightsPage',
);
const SurveyAnswerPage = page(() => import('../features/surveys/answer-page'), 'AnswerPage');
const TalentListPage = page(() => import('../features/talent/talent-list-page'), 'TalentListPage');
const TalentProfilePage = page(() => import('../features/talent/profile-page'), 'TalentProfilePage');
const TalentProfileFormPage = page(
  () => import('../features/talent/profile-form-page'),
  'TalentProfileFormPage',
);
const TalentImportPage = page(() => import('../features/talent/import-page'), 'TalentImportPage');
const CollegeSkillsPage = page(() => import('../features/talent/skills-page'), 'CollegeSkillsPage');
const CollegeSkillsImportPage = page(
  () => import('../features/talent/skills-import-page'),
  'CollegeSkillsImportPage',
);
const TaxonomyCurationPage = page(
  () => import('../features/talent/skills-taxonomy-page'),
  'TaxonomyCurationPage',
);
const TalentSelfPage = page(() => import('../features/talent/self-page'), 'TalentSelfPage');
const MyTalentPage = page(() => import('../features/talent/my-talent-page'), 'MyTalentPage');
const DemandListPage = page(() => import('../features/talent/demand-list-page'), 'DemandListPage');
const DemandFormPage = page(() => import('../features/talent/demand-form-page'), 'DemandFormPage');
const DemandPage = page(() => import('../features/talent/demand-page'), 'DemandPage');
const VerifyPage = page(() => import('../features/certificates/verify-page'), 'VerifyPage');
const SkillResultsPage = page(
  () => import('../features/competition-results/skill-results-page'),
  'SkillResultsPage',
);
const CompetitionResultsPage = page(
  () => import('../features/competition-results/competition-results-page'),
  'CompetitionResultsPage',
);
const PublicResultsPage = page(
  () => import('../features/competition-results/public-results-page'),
  'PublicResultsPage',
);
const ScoreboardPage = page(
  () => import('../features/competition-results/scoreboard-page'),
  'ScoreboardPage',
);
const ResourcesPage = page(() => import('../features/library/resources-page'), 'ResourcesPage');
const ResourceDetailPage = page(
  () => import('../features/library/resource-detail-page'),
  'ResourceDetailPage',
);
const GlossariesPage = page(() => import('../features/library/glossaries-page'), 'GlossariesPage');
const GlossaryPage = page(() => import('../features/library/glossary-page'), 'GlossaryPage');
const CompetitionsListPage = page(
  () => import('../features/competitions/competitions-list-page'),
  'CompetitionsListPage',
);
const CompetitionFormPage = page(
  () => import('../features/competitions/competition-form-page'),
  'CompetitionFormPage',
);
const CompetitionPage = page(() => import('../features/competitions/competition-page'), 'CompetitionPage');
const CompetitionSkillPage = page(() => import('../features/competitions/skill-page'), 'SkillPage');
const RegistrationPage = page(() => import('../features/competitions/registration-page'), 'RegistrationPage');
const SchemePage = page(() => import('../features/marking-schemes/scheme-page'), 'SchemePage');
const SchemeImportPage = page(() => import('../features/marking-schemes/import-page'), 'SchemeImportPage');
const TeamsPage = page(() => import('../features/marking-schemes/teams-page'), 'TeamsPage');
const FormMatrixPage = page(() => import('../features/marking/form-matrix-page'), 'FormMatrixPage');
const BenchPage = page(() => import('../features/marking/bench-page'), 'BenchPage');
const DisputesPage = page(() => import('../features/marking/disputes-page'), 'DisputesPage');
const UsersPage = page(() => import('../features/admin/users-page'), 'UsersPage');
const AuditPage = page(() => import('../features/admin/audit-page'), 'AuditPage');
const OutboxPage = page(() => import('../features/admin/outbox-page'), 'OutboxPage');
const ShowcasePage = page(() => import('../features/showcase/showcase-page'), 'ShowcasePage');
const ShowcaseProjectPage = page(
  () => import('../features/showcase/showcase-project-page'),
  'ShowcaseProjectPage',
);
const ShowcaseSettingsPage = page(
  () => import('../features/showcase/showcase-settings-page'),
  'ShowcaseSettingsPage',
);
const PlannedModulePage = page(() => import('../features/planned/planned-module-page'), 'PlannedModulePage');
const NotFoundPage = page(() => import('../features/planned/not-found-page'), 'NotFoundPage');

export const PLANNED_MODULES: readonly string[] = [];

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
  // The participant portal: reached by a personal link, outside the signed-in shell.
  { element: <Lazy />, children: [{ path: '/portal/:token', element: <PortalPage /> }] },
  // A survey's personal answer link: no sign-in, outside the signed-in shell.
  { element: <Lazy />, children: [{ path: '/s/:token', element: <SurveyAnswerPage /> }] },
  // A talent profile's personal link: the owner's self-service, outside the signed-in shell.
  { element: <Lazy />, children: [{ path: '/t/:token', element: <TalentSelfPage /> }] },
  // Certificate verification (the QR code's target): public, outside the signed-in shell.
  {
    element: <Lazy />,
    children: [
      { path: '/verify', element: <VerifyPage /> },
      { path: '/verify/:publicId', element: <VerifyPage /> },
    ],
  },
  // Public competition results and the venue scoreboard: no sign-in, outside the signed-in shell.
  {
    element: <Lazy />,
    children: [
      { path: '/public/competitions/:orgKey/:competitionSlug', element: <PublicResultsPage /> },
      { path: '/public/competitions/:orgKey/:competitionSlug/scoreboard', element: <ScoreboardPage /> },
    ],
  },
  // A college's public showcase: no sign-in, outside the signed-in shell (the server also renders
  // its head and a plain version of its content for crawlers).
  {
    element: <Lazy />,
    children: [
      { path: '/showcase/:slug', element: <ShowcasePage /> },
      { path: '/showcase/:slug/projects/:projectCode', element: <ShowcaseProjectPage /> },
    ],
  },
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
          { path: 'projects', element: guarded(Permission.ProjectRead, ProjectsListPage) },
          { path: 'projects/new', element: guarded(Permission.ProjectWrite, ProjectFormPage) },
          { path: 'projects/iati', element: guarded(Permission.IatiExport, IatiPage) },
          { path: 'projects/:id', element: guarded(Permission.ProjectRead, ProjectDetailPage) },
          {
            path: 'projects/:id/evaluation',
            element: guarded(Permission.EvaluationReportRead, ProjectEvaluationPage),
          },
          { path: 'projects/:id/edit', element: guarded(Permission.ProjectWrite, ProjectFormPage) },
          { path: 'bases', element: guarded(Permission.BaseRead, BasesListPage) },
          { path: 'bases/new', element: guarded(Permission.BaseWrite, BaseFormPage) },
          { path: 'bases/lists', element: guarded(Permission.BaseRead, InfrastructureListsPage) },
          {
            path: 'bases/lists/import',
            element: guarded(Permission.BaseWrite, InfrastructureListImportPage),
          },
          { path: 'bases/lists/:id', element: guarded(Permission.BaseRead, InfrastructureListDetailPage) },
          { path: 'bases/:id', element: guarded(Permission.BaseRead, BaseDetailPage) },
          { path: 'bases/:id/edit', element: guarded(Permission.BaseWrite, BaseFormPage) },
          { path: 'bases/:id/compliance', element: guarded(Permission.BaseRead, BaseCompliancePage) },
          { path: 'bases/:id/equipment/import', element: guarded(Permission.BaseWrite, InventoryImportPage) },
          { path: 'exchanges', element: guarded(Permission.MobilityRead, MobilitiesListPage) },
          { path: 'exchanges/new', element: guarded(Permission.MobilityWrite, MobilityFormPage) },
          { path: 'exchanges/:id', element: guarded(Permission.MobilityRead, MobilityDetailPage) },
          { path: 'exchanges/:id/edit', element: guarded(Permission.MobilityWrite, MobilityFormPage) },
          { path: 'training', element: guarded(Permission.TrainingRead, ProgrammesListPage) },
          { path: 'training/programmes/new', element: guarded(Permission.TrainingWrite, ProgrammeFormPage) },
          { path: 'training/programmes/:id', element: guarded(Permission.TrainingRead, ProgrammeDetailPage) },
          {
            path: 'training/programmes/:id/edit',
            element: guarded(Permission.TrainingWrite, ProgrammeFormPage),
          },
          { path: 'training/cohorts/:id', element: guarded(Permission.TrainingRead, CohortPage) },
          {
            path: 'training/cohorts/:id/attendance',
            element: guarded(Permission.TrainingAttendanceMark, AttendancePage),
          },
          {
            path: 'training/cohorts/:id/import',
            element: guarded(Permission.TrainingImport, EnrolmentImportPage),
          },
          { path: 'certificates', element: guarded(Permission.CertificateRead, CertificatesPage) },
          { path: 'evaluation', element: guarded(Permission.PortfolioRead, PortfolioPage) },
          { path: 'surveys', element: guarded(Permission.SurveyRead, SurveysListPage) },
          { path: 'surveys/new', element: guarded(Permission.SurveyWrite, SurveyFormPage) },
          { path: 'surveys/insights', element: guarded(Permission.SurveyRead, SurveyInsightsPage) },
          { path: 'surveys/:id', element: guarded(Permission.SurveyRead, SurveyDetailPage) },
          { path: 'surveys/:id/edit', element: guarded(Permission.SurveyWrite, SurveyFormPage) },
          { path: 'surveys/:id/results', element: guarded(Permission.SurveyRead, SurveyResultsPage) },
          { path: 'library', element: guarded(Permission.ResourceReadShared, ResourcesPage) },
          {
            path: 'library/resources/:id',
            element: guarded(Permission.ResourceReadShared, ResourceDetailPage),
          },
          { path: 'library/glossaries', element: guarded(Permission.GlossaryRead, GlossariesPage) },
          { path: 'library/glossaries/:id', element: guarded(Permission.GlossaryRead, GlossaryPage) },
          { path: 'competitions', element: guarded(Permission.CompetitionRead, CompetitionsListPage) },
          { path: 'competitions/new', element: guarded(Permission.CompetitionManage, CompetitionFormPage) },
          {
            path: 'competitions/:competitionId',
            element: guarded(Permission.CompetitionRead, CompetitionPage),
          },
          {
            path: 'competitions/:competitionId/edit',
            element: guarded(Permission.CompetitionManage, CompetitionFormPage),
          },
          {
            path: 'competitions/:competitionId/register',
            element: guarded(Permission.CompetitionRead, RegistrationPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId',
            element: guarded(Permission.CompetitionRead, CompetitionSkillPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/scheme',
            element: guarded(Permission.CompetitionRead, SchemePage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/scheme/import',
            element: guarded(Permission.MarkingSchemeManage, SchemeImportPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/teams',
            element: guarded(Permission.CompetitionRead, TeamsPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/marking',
            element: guarded(Permission.MarkEnter, FormMatrixPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/marking/forms/:formId',
            element: guarded(Permission.MarkEnter, BenchPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/disputes',
            element: guarded(Permission.DisputeRaise, DisputesPage),
          },
          {
            path: 'competitions/:competitionId/skills/:skillId/results',
            element: guarded(Permission.CompetitionRead, SkillResultsPage),
          },
          {
            path: 'competitions/:competitionId/results',
            element: guarded(Permission.CompetitionRead, CompetitionResultsPage),
          },
          { path: 'admin/users', element: guarded(Permission.UserRead, UsersPage) },
          { path: 'admin/audit', element: guarded(Permission.AuditRead, AuditPage) },
          { path: 'admin/outbox', element: guarded(Permission.OutboxRead, OutboxPage) },
          { path: 'admin/showcase', element: guarded(Permission.ShowcaseManage, ShowcaseSettingsPage) },
          { path: 'talent', element: guarded(Permission.TalentManage, TalentListPage) },
          { path: 'talent/me', element: guarded(Permission.TalentSelf, MyTalentPage) },
          { path: 'talent/demand', element: guarded(Permission.DemandPost, DemandListPage) },
          { path: 'talent/demand/new', element: guarded(Permission.DemandPost, DemandFormPage) },
          { path: 'talent/demand/:id', element: guarded(Permission.DemandPost, DemandPage) },
          { path: 'talent/demand/:id/edit', element: guarded(Permission.DemandPost, DemandFormPage) },
          { path: 'talent/new', element: guarded(Permission.TalentManage, TalentProfileFormPage) },
          { path: 'talent/import', element: guarded(Permission.TalentManage, TalentImportPage) },
          { path: 'talent/skills', element: guarded(Permission.TalentManage, CollegeSkillsPage) },
          {
            path: 'talent/skills/import',
            element: guarded(Permission.TalentManage, CollegeSkillsImportPage),
          },
          { path: 'talent/skills/taxonomy', element: guarded(Permission.TalentManage, TaxonomyCurationPage) },
          { path: 'talent/:id', element: guarded(Permission.TalentManage, TalentProfilePage) },
          { path: 'talent/:id/edit', element: guarded(Permission.TalentManage, TalentProfileFormPage) },
          ...PLANNED_MODULES.map((m) => ({ path: m, element: <PlannedModulePage /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
