/** Roles a membership can hold in an organization (one tenant). */
export const ROLES = [
  'admin',
  'coordinator',
  'project_manager',
  'trainer',
  'chief_expert',
  'expert',
  'partner',
  'participant',
  'enterprise',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission the platform checks. `<Resource><Action>` keys, stable string values.
 * New modules add their permissions here and to the table below.
 */
export const Permission = {
  PartnerRead: 'partner.read',
  PartnerWrite: 'partner.write',
  PartnerImport: 'partner.import',
  PartnerExport: 'partner.export',
  ContactSensitiveRead: 'contact.sensitive_read',
  AgreementRead: 'agreement.read',
  AgreementWrite: 'agreement.write',
  AgreementDocumentRead: 'agreement.document_read',
  ProjectRead: 'project.read',
  ProjectWrite: 'project.write',
  /** Publish projects as an IATI 2.03 activity file (validated before it is offered). */
  IatiExport: 'iati.export',
  /** Import an IATI activity file (2.01–2.03) into projects, partners and results. */
  IatiImport: 'iati.import',
  /** See a project's results framework: results, indicators, periods, evidence. */
  ResultsFrameworkRead: 'results_framework.read',
  /** Edit a project's results framework, upload evidence, copy platform figures into actuals. */
  ResultsFrameworkWrite: 'results_framework.write',
  /**
   * See a project's or programme's evaluation page and download the evaluation reports (PDF, XLSX)
   * per project and per portfolio; learning gains per participant only with survey.results_read.
   */
  EvaluationReportRead: 'evaluation_report.read',
  /** See surveys, their questions, response rates and aggregate results (no personal data). */
  SurveyRead: 'survey.read',
  /** Build surveys, open and close them, invite participants and send reminders. */
  SurveyWrite: 'survey.write',
  /** See who was invited and responded, per-participant gains and free-text answers. */
  SurveyResultsRead: 'survey.results_read',
  TrainingRead: 'training.read',
  TrainingWrite: 'training.write',
  TrainingAttendanceMark: 'training.attendance_mark',
  TrainingImport: 'training.import',
  TrainingExport: 'training.export',
  ParticipantSensitiveRead: 'participant.sensitive_read',
  CertificateRead: 'certificate.read',
  CertificateIssue: 'certificate.issue',
  CertificateRevoke: 'certificate.revoke',
  IssuerKeyManage: 'issuer_key.manage',
  MobilityRead: 'mobility.read',
  MobilityWrite: 'mobility.write',
  MobilitySensitiveRead: 'mobility.sensitive_read',
  BaseRead: 'base.read',
  BaseWrite: 'base.write',
  ResourceRead: 'resource.read',
  ResourceReadShared: 'resource.read_shared',
  ResourceWrite: 'resource.write',
  ResourceShare: 'resource.share',
  GlossaryRead: 'glossary.read',
  GlossaryWrite: 'glossary.write',
  GlossaryApprove: 'glossary.approve',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
  OutboxRead: 'outbox.read',
  OrganizationManage: 'organization.manage',
  CompetitionRead: 'competition.read',
  CompetitionManage: 'competition.manage',
  /** Register competitors and experts for a member the user is registrar of (partner staff). */
  CompetitionRegister: 'competition.register',
  CompetitorSensitiveRead: 'competitor.sensitive_read',
  MarkingSchemeManage: 'marking_scheme.manage',
  /** Enter marks on forms of a marking team the user's expert record belongs to. */
  MarkEnter: 'mark.enter',
  /** Lock and unlock forms, assign marking teams, decide disputes, sign off results (chief expert). */
  MarkingSupervise: 'marking.supervise',
  DisputeRaise: 'dispute.raise',
  /** See a skill's results before publication (chief expert, admin). */
  ResultsViewEmbargoed: 'results.view_embargoed',
  ResultsPublish: 'results.publish',
  /**
   * See the portfolio dashboard: counts of projects, participants, agreements, indicators,
   * mobilities, certificates and medals (never names). An observer in an authority organization
   * sees them for every college on the platform.
   */
  PortfolioRead: 'portfolio.read',
  /**
   * Manage the college's public showcase: turn it on, its address, texts, sections and figures,
   * and which projects and library resources are shown publicly.
   */
  ShowcaseManage: 'showcase.manage',
  /**
   * Enterprise-facing talent pool: anonymised profiles of people who consented to matching (never a
   * name, e-mail or free text until the person agrees to be introduced).
   */
  TalentRead: 'talent.read',
  /** Full talent profiles of the college: create, edit, import, record consent, send personal links. */
  TalentManage: 'talent.manage',
  /** Post and edit the user's own demand postings and see their shortlists (anonymised until agreed). */
  DemandPost: 'demand.post',
  /**
   * The participant's own talent profile, once a coordinator linked it to their account: see it,
   * give or withdraw consent, agree to or decline introductions, export or delete it.
   */
  TalentSelf: 'talent.self',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
const readPartners = [P.PartnerRead, P.AgreementRead] as const;

/**
 * The permission table: what each role may do inside its own organization.
 * Every service function checks it first (`requirePermission`); the web reads it to hide
 * what would fail.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: Object.values(P),
  coordinator: [
    P.PartnerRead,
    P.PartnerWrite,
    P.PartnerImport,
    P.PartnerExport,
    P.ContactSensitiveRead,
    P.AgreementRead,
    P.AgreementWrite,
    P.AgreementDocumentRead,
    P.ProjectRead,
    P.ProjectWrite,
    P.IatiExport,
    P.IatiImport,
    P.ResultsFrameworkRead,
    P.ResultsFrameworkWrite,
    P.EvaluationReportRead,
    P.PortfolioRead,
    P.TrainingRead,
    P.TrainingWrite,
    P.TrainingAttendanceMark,
    P.TrainingImport,
    P.TrainingExport,
    P.ParticipantSensitiveRead,
    P.SurveyRead,
    P.SurveyWrite,
    P.SurveyResultsRead,
    P.CertificateRead,
    P.CertificateIssue,
    P.CertificateRevoke,
    P.MobilityRead,
    P.MobilityWrite,
    P.MobilitySensitiveRead,
    P.BaseRead,
    P.BaseWrite,
    P.UserRead,
    P.OutboxRead,
    P.ResourceRead,
    P.ResourceReadShared,
    P.ResourceWrite,
    P.ResourceShare,
    P.GlossaryRead,
    P.GlossaryWrite,
    P.GlossaryApprove,
    P.CompetitionRead,
    P.CompetitionManage,
    P.CompetitorSensitiveRead,
    P.MarkingSchemeManage,
    P.ShowcaseManage,
    P.TalentManage,
    P.DemandPost,
  ],
  project_manager: [
    ...readPartners,
    P.CompetitionRead,
    P.PartnerExport,
    P.AgreementDocumentRead,
    P.ProjectRead,
    P.ProjectWrite,
    P.IatiExport,
    P.ResultsFrameworkRead,
    P.ResultsFrameworkWrite,
    P.EvaluationReportRead,
    P.PortfolioRead,
    P.TrainingRead,
    P.TrainingWrite,
    P.TrainingAttendanceMark,
    P.TrainingExport,
    P.SurveyRead,
    P.SurveyWrite,
    P.SurveyResultsRead,
    P.CertificateRead,
    P.CertificateIssue,
    P.MobilityRead,
    P.MobilityWrite,
    P.BaseRead,
    P.BaseWrite,
    P.UserRead,
    P.ResourceRead,
    P.ResourceReadShared,
    P.ResourceWrite,
    P.ResourceShare,
    P.GlossaryRead,
    P.GlossaryWrite,
  ],
  trainer: [
    ...readPartners,
    P.CompetitionRead,
    P.ProjectRead,
    P.ResultsFrameworkRead,
    P.TrainingRead,
    P.SurveyRead,
    P.SurveyResultsRead,
    P.CertificateRead,
    P.TrainingAttendanceMark,
    P.MobilityRead,
    P.BaseRead,
    P.ResourceRead,
    P.ResourceReadShared,
    P.ResourceWrite,
    P.GlossaryRead,
    P.GlossaryWrite,
  ],
  chief_expert: [
    ...readPartners,
    P.ProjectRead,
    P.MobilityRead,
    P.BaseRead,
    P.GlossaryRead,
    P.GlossaryWrite,
    P.GlossaryApprove,
    P.CompetitionRead,
    P.MarkingSchemeManage,
    P.MarkEnter,
    P.MarkingSupervise,
    P.DisputeRaise,
    P.ResultsViewEmbargoed,
  ],
  expert: [P.PartnerRead, P.BaseRead, P.GlossaryRead, P.CompetitionRead, P.MarkEnter, P.DisputeRaise],
  partner: [
    P.PartnerRead,
    P.ResourceReadShared,
    P.CompetitionRead,
    P.CompetitionRegister,
    P.DisputeRaise,
    P.DemandPost,
  ],
  participant: [P.TalentSelf],
  enterprise: [P.TalentRead, P.DemandPost],
  observer: [
    ...readPartners,
    P.PortfolioRead,
    P.ProjectRead,
    P.ResultsFrameworkRead,
    P.TrainingRead,
    P.MobilityRead,
    P.CompetitionRead,
  ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
