/**
 * OECD DAC 5-digit sector codes (IATI Sector codelist, vocabulary 1).
 *
 * Source: IATI/IATI-Codelists-NonEmbedded, `xml/Sector.xml`, commit
 * 5f6d57cd5e29f0e2b840e43fa502887c5bee3bad (https://github.com/IATI/IATI-Codelists-NonEmbedded),
 * a replica of the OECD DAC/CRS purpose codes (http://www.oecd.org/dac/stats/dacandcrscodelists.htm).
 * IATI codelists are published under CC BY 4.0 ("IATI Standard, http://iatistandard.org/").
 * Only the codes with status "active" are listed; withdrawn codes (15120, 15140, 15161-15164,
 * 230xx, 41050, 74010, 920xx) are refused for new data.
 */

/** Education sectors (categories 111 to 114) with their English codelist names. */
export const EDUCATION_SECTORS = [
  { code: '11110', category: '111', name: 'Education policy and administrative management' },
  { code: '11120', category: '111', name: 'Education facilities and training' },
  { code: '11130', category: '111', name: 'Teacher training' },
  { code: '11182', category: '111', name: 'Educational research' },
  { code: '11220', category: '112', name: 'Primary education' },
  { code: '11230', category: '112', name: 'Basic life skills for youth and adults' },
  { code: '11231', category: '112', name: 'Basic life skills for youth' },
  { code: '11232', category: '112', name: 'Primary education equivalent for adults' },
  { code: '11240', category: '112', name: 'Early childhood education' },
  { code: '11250', category: '112', name: 'School feeding' },
  { code: '11320', category: '113', name: 'Secondary education' },
  { code: '11321', category: '113', name: 'Lower secondary education' },
  { code: '11322', category: '113', name: 'Upper secondary education' },
  { code: '11330', category: '113', name: 'Vocational training' },
  { code: '11420', category: '114', name: 'Higher education' },
  { code: '11430', category: '114', name: 'Advanced technical and managerial training' },
] as const;

/** Every other active code of the codelist (names omitted; see the source above). */
const OTHER_ACTIVE_CODES = `
12110 12181 12182 12191 12220 12230 12240 12250 12261 12262 12263 12281
12310 12320 12330 12340 12350 12382 13010 13020 13030 13040 13081
14010 14015 14020 14021 14022 14030 14031 14032 14040 14050 14081
15110 15111 15112 15113 15114 15116 15117 15118 15119 15121 15122 15123 15124 15125 15126 15127
15128 15129 15130 15131 15132 15133 15134 15135 15136 15137 15142 15143 15144 15150 15151 15152
15153 15154 15155 15156 15160 15170 15180 15185 15190 15210 15220 15230 15240 15250 15261
16010 16011 16012 16013 16014 16015 16020 16030 16040 16050 16061 16062 16063 16064 16065 16066
16070 16080 21010 21011 21012 21013 21020 21021 21022 21023 21024 21030 21040 21050 21061 21081
22010 22011 22012 22013 22020 22030 22040 23110 23111 23112 23181 23182 23183
23210 23220 23230 23240 23250 23260 23270 23310 23320 23330 23340 23350 23360 23410 23510
23610 23620 23630 23640 24010 24020 24030 24040 24050 24081 25010 25020 25030 25040
31110 31120 31130 31140 31150 31161 31162 31163 31164 31165 31166 31181 31182 31191 31192 31193
31194 31195 31210 31220 31261 31281 31282 31291 31310 31320 31381 31382 31391
32110 32120 32130 32140 32161 32162 32163 32164 32165 32166 32167 32168 32169 32170 32171 32172
32182 32210 32220 32261 32262 32263 32264 32265 32266 32267 32268 32310
33110 33120 33130 33140 33150 33181 33210 41010 41020 41030 41040 41081 41082
43010 43030 43031 43032 43040 43041 43042 43050 43060 43071 43072 43073 43081 43082
51010 52010 53030 53040 60010 60020 60030 60040 60061 60062 60063 72010 72040 72050 73010 74020
91010 93010 93011 93012 93013 93014 93015 93016 93017 93018 99810 99820
`;

export const DAC_SECTOR_CODES: ReadonlySet<string> = new Set([
  ...EDUCATION_SECTORS.map((s) => s.code),
  ...OTHER_ACTIVE_CODES.split(/\s+/).filter(Boolean),
]);

export function isDacSectorCode(code: string): boolean {
  return DAC_SECTOR_CODES.has(code);
}

const educationNames = new Map<string, string>(EDUCATION_SECTORS.map((s) => [s.code, s.name]));

/** The English codelist name of an education sector, or null for the other sectors. */
export function educationSectorName(code: string): string | null {
  return educationNames.get(code) ?? null;
}
