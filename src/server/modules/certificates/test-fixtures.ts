import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';

// Shared by the certificate tests and the crash test of certificate batches: a finished cohort
// written straight to the tables (the point of those tests is the certificates, not the set-up).

/** A cohort with four sessions held and participants whose attendance is given. */
export async function seedCohort(
  deps: Deps,
  organizationId: string,
  people: Array<{
    nameNative: string;
    nameLatin: string;
    present: number;
    postScore: number;
    languages?: string[];
  }>,
) {
  const now = deps.clock.now().toISOString();
  const stamp = { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
  const projectId = newId();
  await deps.db
    .insertInto('projects')
    .values({
      id: projectId,
      organizationId,
      parentId: null,
      code: `P-${projectId.slice(-6)}`,
      type: 'teacher_training',
      baseLocation: null,
      titleJson: '{"en":"Project"}',
      titleSort: 'project',
      descriptionJson: '{}',
      status: '2',
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      defaultCurrency: 'CNY',
      responsibleUserId: null,
      searchText: '',
      archivedAt: null,
      ...stamp,
    })
    .execute();
  const programmeId = newId();
  await deps.db
    .insertInto('trainingProgrammes')
    .values({
      id: programmeId,
      organizationId,
      projectId,
      titleJson: JSON.stringify({ en: 'CNC Machining Technology', 'zh-CN': '数控加工技术培训' }),
      titleSort: 'cnc',
      description: 'Two weeks of CNC machining for lecturers of partner colleges.',
      learningOutcomesJson: '[]',
      languagesJson: '["zh-CN","en"]',
      interpretationNeeds: '',
      completionRuleJson: JSON.stringify({
        minAttendancePercent: 75,
        minPostScore: 60,
        requirePostTest: true,
      }),
      searchText: '',
      ...stamp,
    })
    .execute();
  await deps.db
    .insertInto('trainingModules')
    .values([
      {
        id: newId(),
        organizationId,
        programmeId,
        kind: 'vocational_skills',
        titleJson: '{"en":"Theory"}',
        hours: 16,
        sortOrder: 0,
      },
      {
        id: newId(),
        organizationId,
        programmeId,
        kind: 'teacher_workshop',
        titleJson: '{"en":"Practice"}',
        hours: 24,
        sortOrder: 1,
      },
    ])
    .execute();
  const cohortId = newId();
  await deps.db
    .insertInto('trainingCohorts')
    .values({
      id: cohortId,
      organizationId,
      programmeId,
      name: 'Spring 2026',
      startsOn: '2026-03-01',
      endsOn: '2026-03-12',
      capacity: 200,
      notes: '',
      ...stamp,
    })
    .execute();
  const sessionIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const id = newId();
    sessionIds.push(id);
    await deps.db
      .insertInto('trainingSessions')
      .values({
        id,
        organizationId,
        cohortId,
        moduleId: null,
        title: `Day ${i + 1}`,
        startsAt: `2026-03-0${i + 2}T01:00:00Z`,
        endsAt: `2026-03-0${i + 2}T09:00:00Z`,
        timeZone: 'Asia/Shanghai',
        venue: '',
        onlineUrl: '',
        trainerUserId: null,
        language: 'zh-CN',
        interpreter: '',
        ...stamp,
      })
      .execute();
  }
  const enrolments: string[] = [];
  for (const p of people) {
    const participantId = newId();
    await deps.db
      .insertInto('trainingParticipants')
      .values({
        id: participantId,
        organizationId,
        nameNative: p.nameNative,
        nameLatin: p.nameLatin,
        gender: 'undisclosed',
        country: 'KE',
        organizationName: '',
        position: '',
        email: `${p.nameLatin.replace(/\W/g, '').toLowerCase()}@partner.example`,
        languagesJson: JSON.stringify(p.languages ?? ['zh-CN']),
        passportNumber: '',
        dateOfBirth: null,
        ...stamp,
      })
      .execute();
    const enrolmentId = newId();
    enrolments.push(enrolmentId);
    await deps.db
      .insertInto('trainingEnrolments')
      .values({
        id: enrolmentId,
        organizationId,
        cohortId,
        participantId,
        status: 'attending',
        waitlistPosition: null,
        preScore: null,
        postScore: p.postScore * 100,
        portalTokenHash: null,
        ...stamp,
      })
      .execute();
    for (let i = 0; i < 4; i++) {
      await deps.db
        .insertInto('trainingAttendance')
        .values({
          organizationId,
          sessionId: sessionIds[i] as string,
          enrolmentId,
          mark: i < p.present ? 'present' : 'absent',
          markedBy: null,
          markedAt: now,
        })
        .execute();
    }
  }
  return { cohortId, enrolments, programmeId };
}
