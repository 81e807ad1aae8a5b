/**
 * WorldSkills skill competitions by official number, for suggestions when a base or an
 * Infrastructure List names its skill. The skill number and name stay free text on the record
 * (CIS allows up to 4 characters, letters included: docs/../shared/standards/worldskills.md §3.2),
 * because WorldSkills renames and renumbers skills between Competitions; this list only helps
 * people type them consistently.
 *
 * Sources:
 * - [S] numbers and names stated in /work/shared/standards/worldskills.md (the team's research
 *   report): 09 IT Software Solutions for Business (WSC2019 marking scheme), 17 Web Technologies
 *   (WSC2019 TD17; "17 Web Development" at EuroSkills 2025), 44 Visual Merchandising (WSC2019
 *   WSSS44), 45 Prototype Modelling (WSC2015–2021 TD45).
 * - [U] the others: the long-standing WorldSkills Competition numbering (WSC2017–WSC2024) as
 *   recalled from general knowledge, not re-checked against worldskills.org. Numbers we were not
 *   sure of are left out rather than guessed; add them here with a source when confirmed.
 */
export interface WorldSkillsSkill {
  /** Official skill number, two digits as WorldSkills writes it. */
  number: string;
  /** English name as WorldSkills uses it. */
  name: string;
  /** S = stated in the team's research report; U = general knowledge, verify before relying on it. */
  confidence: 'S' | 'U';
}

export const WORLDSKILLS_SKILLS: readonly WorldSkillsSkill[] = [
  { number: '04', name: 'Mechatronics', confidence: 'U' },
  { number: '05', name: 'Mechanical Engineering CAD', confidence: 'U' },
  { number: '06', name: 'CNC Turning', confidence: 'U' },
  { number: '07', name: 'CNC Milling', confidence: 'U' },
  { number: '09', name: 'IT Software Solutions for Business', confidence: 'S' },
  { number: '10', name: 'Welding', confidence: 'U' },
  { number: '13', name: 'Autobody Repair', confidence: 'U' },
  { number: '15', name: 'Plumbing and Heating', confidence: 'U' },
  { number: '16', name: 'Electronics', confidence: 'U' },
  { number: '17', name: 'Web Technologies', confidence: 'S' },
  { number: '18', name: 'Electrical Installations', confidence: 'U' },
  { number: '19', name: 'Industrial Control', confidence: 'U' },
  { number: '20', name: 'Bricklaying', confidence: 'U' },
  { number: '23', name: 'Mobile Robotics', confidence: 'U' },
  { number: '24', name: 'Cabinetmaking', confidence: 'U' },
  { number: '25', name: 'Joinery', confidence: 'U' },
  { number: '26', name: 'Carpentry', confidence: 'U' },
  { number: '29', name: 'Hairdressing', confidence: 'U' },
  { number: '30', name: 'Beauty Therapy', confidence: 'U' },
  { number: '32', name: 'Pâtisserie and Confectionery', confidence: 'U' },
  { number: '33', name: 'Automobile Technology', confidence: 'U' },
  { number: '34', name: 'Cooking', confidence: 'U' },
  { number: '35', name: 'Restaurant Service', confidence: 'U' },
  { number: '36', name: 'Car Painting', confidence: 'U' },
  { number: '38', name: 'Refrigeration and Air Conditioning', confidence: 'U' },
  { number: '39', name: 'IT Network Systems Administration', confidence: 'U' },
  { number: '40', name: 'Graphic Design Technology', confidence: 'U' },
  { number: '44', name: 'Visual Merchandising', confidence: 'S' },
  { number: '45', name: 'Prototype Modelling', confidence: 'S' },
];

/** The English name for a skill number ('4' and '04' both work), or null when not in the list. */
export function worldSkillsSkillName(skillNumber: string): string | null {
  const n = skillNumber.trim().toUpperCase();
  const key = /^\d$/.test(n) ? `0${n}` : n;
  return WORLDSKILLS_SKILLS.find((s) => s.number === key)?.name ?? null;
}
