import type { CommunityEventKind, GroupTheme, PUBLIC_SPACE_KINDS } from '../entities';

/*
 * The reference estate's community life as data: when each kind of space is
 * open, what residents book it for, its six resident groups, its 2025 Spring
 * Festival programme (Spring Festival was 29 January 2025, the Lantern
 * Festival 12 February) and its monthly service days. Times are local.
 */

type SpaceKind = (typeof PUBLIC_SPACE_KINDS)[number];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WORKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

/** Opening intervals per kind of space: [ISO weekdays, opens, closes]. The service station closes for lunch on workdays. */
export const OPENING_HOURS: Record<SpaceKind, readonly (readonly [readonly number[], string, string])[]> = {
  ACTIVITY_ROOM: [[EVERY_DAY, '08:00', '21:00']],
  SERVICE_STATION: [[WORKDAYS, '08:30', '12:00'], [WORKDAYS, '14:00', '18:00'], [WEEKEND, '09:00', '17:00']],
  MEETING_ROOM: [[EVERY_DAY, '09:00', '21:00']],
  ELEVATED_FLOOR_LOUNGE: [[EVERY_DAY, '07:00', '22:00']],
  GARDEN: [[EVERY_DAY, '06:00', '22:00']],
  PAVILION: [[EVERY_DAY, '06:00', '22:00']],
  PLAYGROUND: [[EVERY_DAY, '07:00', '20:00']],
  SPORTS_AREA: [[EVERY_DAY, '06:00', '22:00']],
  DRYING_AREA: [[EVERY_DAY, '07:00', '19:00']],
};

/** Courts are shared: a booking lasts at most two hours there; elsewhere the default four. */
export const MAX_BOOKING_MINUTES: Partial<Record<SpaceKind, number>> = { SPORTS_AREA: 120 };

/** Chance that an hour of a space is the start of a booking, on a workday (weekends are busier). */
export const BOOKING_RATE: Record<SpaceKind, number> = {
  ACTIVITY_ROOM: 0.2, SERVICE_STATION: 0.03, MEETING_ROOM: 0.12, ELEVATED_FLOOR_LOUNGE: 0.1, GARDEN: 0.04,
  PAVILION: 0.06, PLAYGROUND: 0.03, SPORTS_AREA: 0.14, DRYING_AREA: 0.02,
};

/** What residents book each kind of space for. */
export const PURPOSES: Record<SpaceKind, readonly string[]> = {
  ACTIVITY_ROOM: ['太极拳练习 Tai chi practice', '书法小组 Calligraphy group', '合唱排练 Choir rehearsal', '棋牌活动 Chess and cards',
    '亲子阅读 Parent-child reading', '生日聚会 Birthday gathering', '手工课 Handicraft session', '舞蹈排练 Dance rehearsal'],
  SERVICE_STATION: ['法律咨询 Legal advice session', '社保办理 Help with social insurance forms'],
  MEETING_ROOM: ['楼栋议事 Building residents\' discussion', '业主代表会议 Owners\' representatives meeting', '志愿者例会 Volunteers\' meeting',
    '物业协调会 Meeting with the property office'],
  ELEVATED_FLOOR_LOUNGE: ['邻里茶话会 Neighbours\' tea', '读书会 Book club', '棋牌活动 Chess and cards', '亲子游戏 Parent-child games', '生日聚会 Birthday gathering'],
  GARDEN: ['晨练 Morning exercise group', '园艺小组 Gardening group', '摄影活动 Photography walk'],
  PAVILION: ['粤剧清唱 Cantonese opera singing', '下棋 Xiangqi', '茶叙 Tea'],
  PLAYGROUND: ['儿童生日会 Children\'s birthday party', '亲子游戏 Parent-child games'],
  SPORTS_AREA: ['篮球友谊赛 Basketball friendly', '羽毛球 Badminton', '广场舞 Square dancing', '健身操 Aerobics'],
  DRYING_AREA: ['晾晒被褥 Airing quilts'],
};

/** What the estate books spaces for itself. */
export const ESTATE_PURPOSES = ['网格例会 Grid team meeting', '安全培训 Safety training', '志愿者培训 Volunteer training', '防汛演练筹备 Flood drill preparation'];

/** The six resident groups: name, theme, share of the estate's residents who belong, description. */
export const GROUPS: readonly (readonly [string, GroupTheme, number, string])[] = [
  ['乐龄之家 Golden Years Club', 'SENIORS', 0.033, '长者每周聚会、健康讲座与结对探访 Weekly gatherings, health talks and visits for seniors'],
  ['亲子成长营 Parents and Children Camp', 'PARENTS_AND_CHILDREN', 0.025, '周末亲子阅读与手工 Weekend reading and crafts for families'],
  ['莲花健身队 Lianhua Fitness Team', 'SPORTS', 0.02, '篮球、羽毛球与晨练 Basketball, badminton and morning exercise'],
  ['书画文艺社 Calligraphy and Arts Society', 'CULTURE', 0.014, '书法、国画与粤剧 Calligraphy, painting and Cantonese opera'],
  ['莲心志愿服务队 Lotus Heart Volunteers', 'VOLUNTEERS', 0.022, '探访独居长者、楼道清洁与活动协助 Visiting seniors living alone, tidying stairwells, helping at events'],
  ['花友会 Garden Friends', 'GARDENING', 0.011, '照料莲花园百余种植物 Caring for the Lotus Garden\'s hundred-plus kinds of plants'],
];

/** One event of a programme: local date, space code, local start and end, places, kind, title. */
export type ProgrammeItem = readonly [string, string, string, string, number, CommunityEventKind, string];

export const SPRING_FESTIVAL_2025 = '2025 Spring Festival';

/** The 2025 Spring Festival programme at LH: more than 3,000 places in all. */
export const SPRING_FESTIVAL: readonly ProgrammeItem[] = [
  ['2025-01-18', 'PS03', '14:00', '17:00', 150, 'FESTIVAL', '写春联送福 Spring couplets by the calligraphy society'],
  ['2025-01-19', 'PS03', '14:00', '17:00', 150, 'FESTIVAL', '写春联送福 Spring couplets by the calligraphy society'],
  ['2025-01-21', 'PS01', '09:00', '11:30', 60, 'FESTIVAL', '长者包饺子 Dumpling making with seniors'],
  ['2025-01-22', 'PS01', '09:00', '11:30', 60, 'FESTIVAL', '长者包饺子 Dumpling making with seniors'],
  ['2025-01-23', 'PS01', '09:00', '11:30', 60, 'FESTIVAL', '长者包饺子 Dumpling making with seniors'],
  ['2025-01-24', 'PS02', '15:00', '17:00', 40, 'FESTIVAL', '亲子做灯笼 Lantern making for families'],
  ['2025-01-25', 'PS02', '10:00', '12:00', 40, 'FESTIVAL', '亲子做灯笼 Lantern making for families'],
  ['2025-01-25', 'PS02', '15:00', '17:00', 40, 'FESTIVAL', '亲子做灯笼 Lantern making for families'],
  ['2025-01-26', 'PS03', '19:00', '21:00', 150, 'FESTIVAL', '邻里春晚 Neighbourhood New Year gala'],
  ['2025-01-27', 'PS03', '19:00', '21:00', 150, 'FESTIVAL', '邻里春晚 Neighbourhood New Year gala'],
  ['2025-01-28', 'PS08', '17:00', '20:00', 100, 'FESTIVAL', '独居长者团年饭 New Year\'s Eve dinner for seniors living alone'],
  ['2025-01-30', 'PS10', '09:00', '12:00', 300, 'FESTIVAL', '新春庙会 Temple fair in the Lotus Garden'],
  ['2025-01-31', 'PS10', '09:00', '12:00', 300, 'FESTIVAL', '新春庙会 Temple fair in the Lotus Garden'],
  ['2025-02-01', 'PS10', '09:00', '12:00', 300, 'FESTIVAL', '新春庙会 Temple fair in the Lotus Garden'],
  ['2025-02-02', 'PS10', '14:00', '17:00', 300, 'FESTIVAL', '舞狮迎春 Lion dance'],
  ['2025-02-08', 'PS08', '14:00', '17:00', 100, 'FESTIVAL', '新春摄影展 Spring Festival photo exhibition'],
  ['2025-02-09', 'PS06', '14:00', '17:00', 80, 'FESTIVAL', '粤剧茶座 Tea and Cantonese opera'],
  ['2025-02-11', 'PS02', '15:00', '17:00', 40, 'FESTIVAL', '亲子做花灯 Lantern making for the Lantern Festival'],
  ['2025-02-11', 'PS10', '18:30', '21:30', 300, 'FESTIVAL', '元宵猜灯谜 Lantern riddles'],
  ['2025-02-12', 'PS10', '18:30', '21:30', 300, 'FESTIVAL', '元宵猜灯谜 Lantern riddles'],
  ['2025-02-12', 'PS01', '09:00', '11:30', 60, 'FESTIVAL', '搓汤圆 Making tangyuan'],
  ['2025-02-12', 'PS13', '09:00', '11:00', 40, 'SPORTS', '新春篮球友谊赛 New Year basketball friendly'],
];

/**
 * Monthly service days and the residents' council: [kind, space code, which
 * weekday of the month (ISO weekday, nth), start, end, places, title].
 */
export const MONTHLY: readonly (readonly [CommunityEventKind, string, number, number, string, string, number, string])[] = [
  ['HAIRCUT', 'PS01', 2, 1, '09:00', '11:30', 40, '义剪服务日 Free haircuts'],
  ['FREE_CLINIC', 'PS04', 6, 2, '09:00', '12:00', 30, '义诊服务日 Free clinic'],
  ['RECEPTION_DAY', 'PS05', 4, 3, '14:30', '17:00', 50, '总经理接待日 The operator\'s reception day'],
  ['MEETING', 'PS05', 1, 1, '19:00', '21:00', 50, '居民议事会 Residents\' council'],
];
