import type {
  Aspect,
  JudgementAspect,
  MarkingScheme,
  MeasurementAspect,
  MeasurementCalculation,
} from '../domain/competitions/marking-scheme.js';

// Hand-written marking schemes of the demo invitational: skill 34 Cooking (valid, exactly 100 marks,
// every measurement calculation type, judgement aspects with four descriptors) and a draft of skill
// 04 Mechatronics that is still being written (total not yet 100), to show the editor's validation.

type M = [
  key: string,
  description: string,
  maxMark: string,
  wsosSection: number,
  calc: MeasurementCalculation,
];
type J = [key: string, description: string, maxMark: string, wsosSection: number, descriptors: Descriptors];
type Descriptors = [string, string, string, string];

const PASS: MeasurementCalculation = { kind: 'PASS_FAIL' };

function measurement(subCriterionKey: string, [key, description, maxMark, wsosSection, calculation]: M) {
  const requirement =
    calculation.kind === 'PASS_FAIL'
      ? 'Yes / no'
      : calculation.kind === 'DEDUCT'
        ? `${calculation.perError} off per fault`
        : '';
  const aspect: MeasurementAspect = {
    key: `${subCriterionKey}.${key}`,
    subCriterionKey,
    type: 'M',
    description,
    extraDescription: '',
    requirement,
    maxMark,
    wsosSection,
    calculation,
  };
  return aspect;
}

function judgement(subCriterionKey: string, [key, description, maxMark, wsosSection, descriptors]: J) {
  const aspect: JudgementAspect = {
    key: `${subCriterionKey}.${key}`,
    subCriterionKey,
    type: 'J',
    description,
    extraDescription: 'Judged on the plate at the pass by three judges, without conferring.',
    maxMark,
    wsosSection,
    descriptors,
  };
  return aspect;
}

const taste = (dish: string): Descriptors => [
  `${dish} under- or over-seasoned; a flavour is unpleasant, burnt or missing`,
  'Seasoning acceptable; the main flavours are recognisable but flat or unbalanced',
  'Well seasoned; clear, balanced flavours that work together',
  'Precise seasoning with depth: every component adds to a harmonious, memorable dish',
];
const texture = (dish: string): Descriptors => [
  `${dish}: textures wrong (soggy, rubbery, grainy) or all the same`,
  'Textures mostly correct but with little contrast',
  'Correct textures with pleasant contrast between the components',
  'Textures precise throughout, contrast used deliberately to lift the dish',
];
const visual = (dish: string): Descriptors => [
  `${dish} untidy: drips, smears or components out of place; portions differ`,
  'Clean and identical plates, but the arrangement is dated or crowded',
  'Attractive, balanced arrangement with height and colour; plates identical',
  'Striking, professional presentation at the standard of a fine-dining restaurant',
];
const creativity: Descriptors = [
  'Mandatory ingredients missing or hidden; no own idea',
  'Mandatory ingredients used conventionally; ideas copied from the menu description',
  'Mandatory ingredients at the centre of a coherent personal idea',
  'Original, well-judged interpretation that shows the ingredients at their best',
];
const balance: Descriptors = [
  'Portion and proportions wrong for the course; the plate is unbalanced',
  'Portion acceptable; one component dominates',
  'Portion right for the course; components in good proportion',
  'Perfect proportions: the dish reads as one complete, balanced plate',
];

const SUB_CRITERIA: { key: string; name: string; day: string; m?: M[]; j?: J[] }[] = [
  {
    key: 'A1',
    name: 'Hygiene and food safety',
    day: 'C1',
    m: [
      ['1', 'Hygiene faults observed during production', '2', 2, { kind: 'DEDUCT', perError: '0.25' }],
      ['2', 'Uniform complete and clean at the start of each session', '1', 2, PASS],
      ['3', 'Raw and cooked products stored apart, covered and labelled', '1.5', 2, PASS],
      ['4', 'Knives and boards colour-coded and used correctly', '1.5', 2, PASS],
      ['5', 'Hands washed at every change of task', '1.5', 2, PASS],
      [
        '6',
        'Allergen card for the menu',
        '1.5',
        2,
        {
          kind: 'CHOICE',
          choices: [
            { label: 'Complete and correct for all 14 allergens', deductionPct: '0' },
            { label: 'One allergen missing or wrong', deductionPct: '50' },
            { label: 'Missing, or more than one allergen wrong', deductionPct: '100' },
          ],
        },
      ],
      ['7', 'Work area cleaned and sanitised at the end of each session', '1.5', 2, PASS],
    ],
  },
  {
    key: 'A2',
    name: 'Work organisation and sustainability',
    day: 'C2',
    m: [
      ['1', 'Written work plan and order list handed in before the start', '1', 1, PASS],
      [
        '2',
        'Mise en place ready at the start of service (6 items on the checklist)',
        '2',
        1,
        { kind: 'NUMBER_COMPLETED', possible: 6 },
      ],
      ['3', 'Minutes late at the pass over the day', '2', 1, { kind: 'DEDUCT', perError: '0.5' }],
      [
        '4',
        'Food waste at the end of the day',
        '2',
        2,
        {
          kind: 'CHOICE',
          choices: [
            { label: 'Trim minimal, by-products used (stock, crumbs, garnish)', deductionPct: '0' },
            { label: 'Some avoidable waste', deductionPct: '40' },
            { label: 'Significant avoidable waste', deductionPct: '100' },
          ],
        },
      ],
      ['5', 'Equipment switched off and water not left running when not in use', '1', 2, PASS],
    ],
    j: [
      [
        '6',
        'Work flow, organisation and time management',
        '2',
        1,
        [
          'Disorganised: work plan not followed, station cluttered, constant rushing',
          'Follows the plan with some idle time or last-minute rushing',
          'Calm, organised work; tasks well sequenced; station tidy',
          'Exemplary: efficient sequencing, clean as you go, ready well before each service',
        ],
      ],
    ],
  },
  {
    key: 'B1',
    name: 'Cold starter: technique',
    day: 'C1',
    m: [
      ['1', 'Four portions served within the 5-minute service window', '1', 1, PASS],
      [
        '2',
        'Portion weight of the beetroot terrine (g)',
        '1.5',
        3,
        {
          kind: 'RANGED_SCORE',
          target: '80',
          ranges: [
            { lower: '75', upper: '85', deductionPct: '10' },
            { lower: '70', upper: '90', deductionPct: '50' },
          ],
        },
      ],
      ['3', "Mandatory ingredients used: beetroot, goat's cheese, hazelnuts", '1.5', 3, PASS],
      [
        '4',
        'Required techniques shown: pickling, emulsion, confit, tuile',
        '2',
        3,
        { kind: 'NUMBER_COMPLETED', possible: 4 },
      ],
      ['5', 'Terrine sliced cleanly and holds its shape', '1.5', 3, PASS],
      [
        '6',
        'Dressing',
        '1.5',
        3,
        {
          kind: 'CHOICE',
          choices: [
            { label: 'Stable emulsion that coats the back of a spoon', deductionPct: '0' },
            { label: 'Slightly split or thin', deductionPct: '50' },
            { label: 'Split or missing', deductionPct: '100' },
          ],
        },
      ],
      ['7', 'Pickled vegetables evenly cut (brunoise, 3 mm)', '1.5', 3, PASS],
      ['8', 'Plates clean and chilled', '1', 4, PASS],
      ['9', 'Presentation matches the dish description handed in', '1', 4, PASS],
      ['10', 'Tuile crisp and of even thickness', '1.5', 3, PASS],
      ['11', 'Hazelnuts toasted evenly, without bitterness', '1.5', 3, PASS],
    ],
  },
  {
    key: 'B2',
    name: 'Cold starter: taste and presentation',
    day: 'C1',
    j: [
      ['1', 'Taste and seasoning', '2', 4, taste('Starter')],
      ['2', 'Texture and contrast', '2', 4, texture('Starter')],
      ['3', 'Visual appeal and plating', '2', 4, visual('Starter')],
      ['4', 'Creativity with the mandatory ingredients', '2', 4, creativity],
      ['5', 'Portion and balance', '2', 4, balance],
    ],
  },
  {
    key: 'C1',
    name: 'Fish main course: technique',
    day: 'C2',
    m: [
      [
        '1',
        'Core temperature of the sea bass at the pass (°C)',
        '2',
        3,
        {
          kind: 'RANGED_SCORE',
          target: '52',
          ranges: [
            { lower: '50', upper: '54', deductionPct: '0' },
            { lower: '46', upper: '58', deductionPct: '50' },
          ],
        },
      ],
      ['2', 'Fish filleted and pin-boned without damage to the flesh', '2', 3, PASS],
      ['3', 'Fillet yield: each 10 g under 60 %', '1.5', 2, { kind: 'DEDUCT', perError: '0.25' }],
      ['4', 'Skin crisp, flesh moist and just opaque', '2', 3, PASS],
      [
        '5',
        'Garnish components on the plate as on the menu (5)',
        '2',
        3,
        { kind: 'NUMBER_COMPLETED', possible: 5 },
      ],
      [
        '6',
        'Beurre blanc',
        '1.5',
        3,
        {
          kind: 'CHOICE',
          choices: [
            { label: 'Glossy, stable, correct reduction', deductionPct: '0' },
            { label: 'Slightly thin or over-reduced', deductionPct: '33.3' },
            { label: 'Greasy or split', deductionPct: '66.6' },
            { label: 'Missing', deductionPct: '100' },
          ],
        },
      ],
      ['7', 'Fondant potato evenly shaped and golden', '1.5', 3, PASS],
      ['8', 'Vegetables cooked to order, bright in colour', '1.5', 3, PASS],
      ['9', 'Served hot on hot plates within the service window', '1', 1, PASS],
      ['10', 'Plate rims clean and the four plates identical', '1', 4, PASS],
      ['11', 'Fish portioned to 140 g (± 5 g)', '1.5', 3, PASS],
    ],
  },
  {
    key: 'C2',
    name: 'Fish main course: taste and presentation',
    day: 'C2',
    j: [
      ['1', 'Taste and seasoning', '2', 4, taste('Main course')],
      [
        '2',
        'Cooking of the fish',
        '2',
        4,
        [
          'Fish raw at the centre or dry and overcooked',
          'Cooked through but slightly dry, or skin soft',
          'Moist, flakes cleanly, skin crisp',
          'Perfectly cooked: translucent-moist flesh, evenly crisp skin, served at once',
        ],
      ],
      ['3', 'Sauce and garnish in harmony with the fish', '2', 4, balance],
      ['4', 'Visual appeal and plating', '2', 4, visual('Main course')],
      ['5', 'Creativity with the mandatory ingredients', '2', 4, creativity],
      ['6', 'Texture and contrast', '2', 4, texture('Main course')],
    ],
  },
  {
    key: 'D1',
    name: 'Plated dessert: technique',
    day: 'C3',
    m: [
      ['1', 'Chocolate tempered: snap and shine', '2', 3, PASS],
      [
        '2',
        'Required elements: crémeux, crumble, sorbet, tuile, sauce',
        '2',
        3,
        { kind: 'NUMBER_COMPLETED', possible: 5 },
      ],
      [
        '3',
        'Raspberry sorbet serving temperature (°C)',
        '1.5',
        3,
        {
          kind: 'RANGED_SCORE',
          target: '-12',
          ranges: [
            { lower: '-14', upper: '-10', deductionPct: '0' },
            { lower: '-16', upper: '-8', deductionPct: '50' },
          ],
        },
      ],
      ['4', 'Mandatory ingredients used: dark chocolate, raspberries', '1.5', 3, PASS],
      ['5', 'Portions identical: each deviating portion', '2', 3, { kind: 'DEDUCT', perError: '0.5' }],
      ['6', 'Crumble evenly baked and crisp', '1.5', 3, PASS],
      ['7', 'Plated dessert served within the service window', '1', 1, PASS],
      ['8', 'Sauce glossy and of coating consistency', '1.5', 3, PASS],
      ['9', 'Tuile thin, even and crisp', '1.5', 3, PASS],
    ],
  },
  {
    key: 'D2',
    name: 'Plated dessert: taste and presentation',
    day: 'C3',
    j: [
      ['1', 'Taste and sweetness', '2', 4, taste('Dessert')],
      ['2', 'Texture and temperature contrast', '2', 4, texture('Dessert')],
      ['3', 'Visual appeal and plating', '2', 4, visual('Dessert')],
      ['4', 'Creativity with the mandatory ingredients', '2', 4, creativity],
      ['5', 'Portion and balance', '2', 4, balance],
    ],
  },
];

/** Skill 34 Cooking: three dishes over three days plus hygiene and work organisation; 100 marks. */
export const COOKING_SCHEME: MarkingScheme = {
  sections: [
    { number: 1, name: 'Work organisation and management', weight: '10' },
    { number: 2, name: 'Food safety, hygiene and sustainability', weight: '15' },
    { number: 3, name: 'Culinary techniques', weight: '40' },
    { number: 4, name: 'Taste, presentation and creativity', weight: '35' },
  ],
  criteria: [
    { key: 'A', name: 'Hygiene and work organisation' },
    { key: 'B', name: 'Cold starter' },
    { key: 'C', name: 'Fish main course' },
    { key: 'D', name: 'Plated dessert' },
  ],
  subCriteria: SUB_CRITERIA.map((sc) => ({
    key: sc.key,
    criterionKey: sc.key.slice(0, 1),
    name: sc.name,
    dayOfMarking: sc.day,
  })),
  aspects: SUB_CRITERIA.flatMap((sc): Aspect[] => [
    ...(sc.m ?? []).map((a) => measurement(sc.key, a)),
    ...(sc.j ?? []).map((a) => judgement(sc.key, a)),
  ]),
};

/** Skill 04 Mechatronics, a draft in progress: three sub-criteria written, criterion D not yet (34 of
 * 100 marks), so the editor shows what is still missing. */
export const MECHATRONICS_DRAFT: MarkingScheme = {
  sections: [
    { number: 1, name: 'Work organisation and management', weight: '10' },
    { number: 2, name: 'Design and installation of mechatronic systems', weight: '30' },
    { number: 3, name: 'Programming of PLC and robot', weight: '35' },
    { number: 4, name: 'Commissioning, fault finding and optimisation', weight: '25' },
  ],
  criteria: [
    { key: 'A', name: 'Mechanical and pneumatic assembly' },
    { key: 'B', name: 'Electrical installation' },
    { key: 'C', name: 'PLC programming and commissioning' },
    { key: 'D', name: 'Fault finding' },
  ],
  subCriteria: [
    { key: 'A1', criterionKey: 'A', name: 'Station assembly to drawing', dayOfMarking: 'C1' },
    { key: 'B1', criterionKey: 'B', name: 'Wiring and cable management', dayOfMarking: 'C1' },
    { key: 'C1', criterionKey: 'C', name: 'Sorting sequence', dayOfMarking: 'C2' },
  ],
  aspects: [
    ...(
      [
        ['1', 'Profiles and brackets mounted to drawing (±1 mm)', '2', 2, PASS],
        ['2', 'Pneumatic tubing cut square, routed and fixed every 50 mm', '2', 2, PASS],
        ['3', 'Cylinders adjusted: end positions cushioned, no hard impact', '2', 2, PASS],
        [
          '4',
          'Fasteners missing or loose (each)',
          '2',
          2,
          { kind: 'DEDUCT', perError: '0.25' } as MeasurementCalculation,
        ],
        ['5', 'Safe working: guards fitted and PPE worn throughout', '2', 1, PASS],
      ] as M[]
    ).map((a) => measurement('A1', a)),
    judgement('A1', [
      '6',
      'Overall quality of the mechanical work',
      '2',
      2,
      [
        'Unsafe or unfinished assembly',
        'Assembled and working, but uneven, with visible rework',
        'Neat, square assembly to industry standard',
        'Outstanding precision and finish throughout',
      ],
    ]),
    ...(
      [
        ['1', 'Ferrules on every stranded conductor', '2', 2, PASS],
        ['2', 'Cables in ducts, cable ties every 50 mm, cut flush', '2', 2, PASS],
        ['3', 'Terminal labels match the circuit diagram', '2', 2, PASS],
        ['4', 'Insulation resistance and protective earth tested and recorded', '2', 4, PASS],
        [
          '5',
          'Sensors wired and adjusted (8 on the list)',
          '2',
          2,
          { kind: 'NUMBER_COMPLETED', possible: 8 },
        ],
      ] as M[]
    ).map((a) => measurement('B1', a)),
    ...(
      [
        ['1', 'Home position reached from any state after reset', '2', 3, PASS],
        [
          '2',
          'Workpieces sorted by colour and material (10 test pieces)',
          '2',
          3,
          {
            kind: 'NUMBER_COMPLETED',
            possible: 10,
          },
        ],
        ['3', 'Emergency stop and door interlock stop every actuator', '2', 3, PASS],
        [
          '4',
          'Cycle time (s) of the sorting sequence',
          '2',
          4,
          {
            kind: 'RANGED_SCORE',
            target: '20',
            ranges: [
              { lower: '0', upper: '22', deductionPct: '0' },
              { lower: '22', upper: '26', deductionPct: '50' },
            ],
          },
        ],
        ['5', 'Program structured in function blocks with comments', '2', 3, PASS],
        ['6', 'HMI shows the station state and counts', '2', 3, PASS],
      ] as M[]
    ).map((a) => measurement('C1', a)),
  ],
};
