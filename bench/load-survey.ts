// Load scenario (imported by bench/loadgen.ts): participants answering a survey through their
// personal links, POST /api/v1/public/surveys/:token/responses, each link once.
import type { Request } from 'autocannon';

export interface SurveyData {
  /** Unused personal links, and for each the index of its answer sheet in `bodies`. */
  links: [token: string, body: number][];
  /** One complete answer sheet (JSON) per survey. */
  bodies: string[];
  /** Numbers the simulated respondents' addresses, so that each step's respondents are new people. */
  firstRespondent: number;
}

export interface SurveySummary {
  /** Links handed to a request (answered or cut off at the end of a run): not to be used again. */
  taken: number;
  answered: number;
  /** Links that ran out: the step was longer than the prepared links. */
  exhausted: number;
  otherStatus: Record<string, number>;
}

let links: SurveyData['links'] = [];
let bodies: string[] = [];
let first = 0;
let next = 0;
let loaded: SurveyData | null = null;
const counts: SurveySummary = { taken: 0, answered: 0, exhausted: 0, otherStatus: {} };

/** 10.a.b.c from a number: each respondent answers from an address of their own. */
function addressOf(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function requests(data: unknown): Request[] {
  if (loaded !== data) {
    loaded = data as SurveyData;
    links = loaded.links;
    bodies = loaded.bodies;
    first = loaded.firstRespondent;
  }
  return [
    {
      method: 'POST',
      setupRequest: (req) => {
        const link = links[next];
        if (!link) {
          counts.exhausted++;
        }
        const [token, body] = link ?? links[links.length - 1] ?? ['none', 0];
        const respondent = first + next;
        next++;
        counts.taken = next;
        return {
          ...req,
          path: `/api/v1/public/surveys/${token}/responses`,
          // The server trusts the proxy in this bench (TRUST_PROXY=true): the per-address limits of
          // the public survey routes apply per respondent, as behind a real proxy.
          headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(respondent) },
          body: bodies[body] ?? '{}',
        };
      },
      onResponse: (status) => {
        if (status === 201) {
          counts.answered++;
        } else {
          counts.otherStatus[status] = (counts.otherStatus[status] ?? 0) + 1;
        }
      },
    },
  ];
}

export function summary(): SurveySummary {
  return counts;
}
