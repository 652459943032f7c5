/*
 * Words for the demo's care plans, patrols, drills and liaison records, in
 * the estate's two languages as its staff write them.
 */

/** Why a household gets its visits. */
export const CARE_PLAN_NOTES = [
  '独居老人，听力较弱，敲门需用力 Lives alone, hard of hearing: knock firmly',
  '子女在外地，每周电话联系 Children live elsewhere; weekly call',
  '行动不便，需代购生活用品 Limited mobility; needs shopping done',
  '慢性病需按时服药，探访时提醒 Chronic illness; remind about medication',
  '轮椅使用者，注意楼道通行 Uses a wheelchair; keep the corridor clear',
  '低保户，关注水电费缴纳 Low income; watch utility bills',
  '高龄独居，安装了紧急呼叫器 Very old, lives alone; has an emergency call button',
  '术后康复期，需定期保洁 Recovering from surgery; regular cleaning',
] as const;

/** What staff wrote after a visit. */
export const CARE_VISIT_NOTES = [
  '身体状况良好 In good health', '检查燃气阀门正常 Gas valve checked, fine', '已代购米油和药品 Bought rice, oil and medicine',
  '更换了厨房灯泡 Replaced the kitchen bulb', '老人情绪不错，聊了半小时 In good spirits; talked for half an hour',
  '提醒按时服药 Reminded about medication', '已打扫客厅和卫生间 Cleaned the living room and bathroom', null, null, null, null, null,
] as const;

export const NOBODY_HOME_NOTES = ['敲门无人应答，电话未接 No answer at the door or on the phone', '邻居说去了女儿家 Neighbour says at her daughter\'s', null] as const;
export const REFUSED_NOTES = ['老人表示本周不需要 Said not needed this week', '家属已安排 Family has arranged it', null] as const;

/** Checkpoint names by what is checked there. */
export const CHECKPOINT_KINDS = [
  ['消防通道', 'fire lane'], ['电动车棚', 'e-bike shed'], ['地下车库入口', 'car park entrance'], ['楼道', 'stairwell'], ['配电房', 'switch room'],
] as const;

export const DRILL_FINDINGS = {
  FIRE: [
    '9楼防火门被杂物堵住，已当场清理 Fire door on 9F blocked by clutter; cleared on the spot',
    '部分老人未听到警报，需加装声光报警 Some older residents did not hear the alarm; add visual alarms',
    '疏散用时4分30秒，符合要求 Evacuation took 4 min 30 s, within target',
    '两具灭火器压力不足，已更换 Two extinguishers under pressure; replaced',
    null,
  ],
  ANTI_TERROR: [
    '保安5分钟内到达指定位置 Security in position within 5 minutes',
    '对讲机在地下车库信号弱 Radios weak in the underground car park',
    '居民配合疏散，秩序良好 Residents followed instructions; orderly',
    null,
  ],
} as const;

/** Organisations of the reference estate; other estates take the first few of each. */
export const ORGANISATIONS = {
  PARTY_BRANCH: ['第一党支部 First Party Branch', '第二党支部 Second Party Branch', '离退休党支部 Retirees\' Party Branch'],
  COMMITTEE: ['业主委员会 Owners\' Committee', '居民议事会 Residents\' Council', '楼长委员会 Building Heads\' Committee', '安全委员会 Safety Committee', '环境委员会 Environment Committee'],
  RESIDENT_GROUP: [
    '长者互助小组 Seniors\' Mutual Aid Group', '志愿者服务队 Volunteer Team', '文体队 Culture and Sports Group',
    '巡逻志愿队 Patrol Volunteers', '亲子成长小组 Parents\' Group', '邻里调解小组 Neighbourhood Mediation Group',
  ],
} as const;

export const CONTACT_POSITIONS = {
  PARTY_BRANCH: ['书记 Secretary', '组织委员 Organising member'],
  COMMITTEE: ['主任 Chair', '副主任 Vice-chair'],
  RESIDENT_GROUP: ['组长 Group lead', '联络员 Liaison'],
} as const;

export const MEETING_SUMMARIES = [
  '反映单车棚照明不足，物业承诺本周维修 Poor lighting in the bike shed; repair promised this week',
  '讨论高空抛物治理，增设提示牌 High-rise littering: more signs agreed',
  '居民建议增加晾晒区，物业研究后答复 Residents asked for more drying space; to be studied',
  '通报上月工单处理情况，满意度提升 Last month\'s tickets reviewed; satisfaction up',
  '电动车进楼问题，联合开展宣传 E-bikes indoors: joint campaign agreed',
  '长者活动室开放时间延长至晚上8点 Seniors\' room to open until 8 pm',
  '噪音投诉集中在周末夜间，加强巡查 Noise complaints at weekend nights; more patrols',
  null,
] as const;

