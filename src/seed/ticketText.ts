import type { TicketCategory } from '../entities';
import type { Rng } from './random';

/*
 * Wording for the demo tickets, in the two languages residents of the estates
 * write in. Each entry is [Chinese, English]; a ticket keeps one language for
 * its title, description and rating comment, as a real reporter would.
 * `{f}` stands for a floor number.
 */
type Pair = readonly [string, string];
export type Lang = 0 | 1;

interface CategoryText {
  /** Everyday requests. */
  routine: readonly Pair[];
  /** What gets a HIGH or EMERGENCY priority; falls back to routine when empty. */
  urgent: readonly Pair[];
  /** The body of the description, after the location. */
  details: readonly Pair[];
}

const TEXT: Record<TicketCategory, CategoryText> = {
  PLUMBING: {
    routine: [['厨房水龙头漏水', 'Kitchen tap leaking'], ['卫生间下水道堵塞', 'Bathroom drain blocked'], ['马桶水箱一直流水', 'Toilet cistern keeps running'],
      ['热水器进水阀渗水', 'Water heater inlet valve seeping'], ['楼上渗水到天花板', 'Water coming through the ceiling from the flat above'],
      ['水压太低', 'Very low water pressure'], ['阳台地漏返臭', 'Balcony floor drain smells']],
    urgent: [['水管爆裂，室内大量进水', 'Burst pipe, flat flooding'], ['{f}楼主水管破裂，楼道积水', 'Main pipe burst on floor {f}, landing flooded'],
      ['下水道倒灌', 'Sewage backing up into the flat']],
    details: [['水一直往外冒，已经关了总阀。', 'Water keeps coming out; the main valve is shut.'], ['已经持续两天了，越来越严重。', 'It has gone on for two days and is getting worse.'],
      ['晚上能听到滴水声。', 'You can hear it dripping all night.'], ['地面已经湿了一大片。', 'A large patch of floor is wet.']],
  },
  ELECTRICAL: {
    routine: [['{f}楼楼道灯不亮', 'Landing light out on floor {f}'], ['插座没电', 'Socket has no power'], ['空开频繁跳闸', 'Circuit breaker keeps tripping'],
      ['电表箱门损坏', 'Meter box door broken'], ['门禁对讲没有反应', 'Door intercom not responding'], ['声控灯一直亮着', 'Sound-activated light stays on']],
    urgent: [['配电箱冒烟', 'Smoke coming from the distribution box'], ['整栋楼停电', 'Power cut to the whole block'], ['电线打火', 'Wiring sparking']],
    details: [['开关按了没反应。', 'Nothing happens when the switch is pressed.'], ['晚上老人出入很不方便。', 'Hard for older neighbours to get about at night.'],
      ['闻到一点焦味。', 'There is a faint burning smell.'], ['昨天开始的。', 'It started yesterday.']],
  },
  ELEVATOR: {
    routine: [['电梯按钮失灵', 'Lift button not working'], ['电梯门关不严', 'Lift door not closing properly'], ['电梯运行有异响', 'Lift making a grinding noise'],
      ['电梯停靠不平层', 'Lift stops out of level with the floor'], ['电梯停运', 'Lift out of service'], ['电梯显示屏不亮', 'Lift floor display blank']],
    urgent: [['电梯困人', 'Person trapped in the lift'], ['电梯在{f}楼附近急停', 'Lift stopped suddenly near floor {f}']],
    details: [['住高层的老人下不了楼。', 'Older residents on the upper floors cannot get down.'], ['已经好几次了。', 'This has happened several times.'],
      ['{f}楼停靠时特别明显。', 'Worst when it stops at floor {f}.'], ['有小孩在里面，很着急。', 'A child is inside, please hurry.']],
  },
  CLEANING: {
    routine: [['楼道垃圾没有清运', 'Rubbish left in the corridor'], ['垃圾桶满了溢出来', 'Bins overflowing'], ['电梯轿厢有异味', 'Lift car smells'],
      ['楼梯间堆放杂物', 'Clutter piled in the stairwell'], ['地面有油污', 'Oil stains on the ground'], ['宠物粪便没人清理', 'Dog mess not cleaned up'], ['落叶堆积', 'Fallen leaves piling up']],
    urgent: [],
    details: [['已经放了好几天。', 'It has been there for several days.'], ['天气热，味道很大。', 'It smells bad in the heat.'],
      ['影响大家出入。', 'It gets in everyone\'s way.'], ['{f}楼最严重。', 'Worst on floor {f}.']],
  },
  SECURITY: {
    routine: [['单元门禁锁坏了', 'Block entrance lock broken'], ['有陌生人挨家推销', 'Door-to-door salesmen in the block'], ['监控摄像头不工作', 'CCTV camera not working'],
      ['有人在楼道给电动车充电', 'E-bike being charged in the corridor'], ['快递柜附近有可疑人员', 'Suspicious person near the parcel lockers']],
    urgent: [['有人撬门', 'Someone trying to force a door'], ['高空抛物', 'Objects thrown from a window'], ['有人打架', 'Fight in progress']],
    details: [['门一直开着，谁都能进。', 'The door stays open, anyone can walk in.'], ['请保安过来看看。', 'Please send security to check.'],
      ['晚上十点左右发生的。', 'It happened around ten at night.'], ['{f}楼的邻居也看到了。', 'Neighbours on floor {f} saw it too.']],
  },
  NOISE: {
    routine: [['楼上深夜噪音', 'Noise from upstairs late at night'], ['装修施工超时', 'Renovation work outside permitted hours'], ['广场舞音响太大', 'Square-dance music too loud'],
      ['邻居家狗一直叫', 'Neighbour\'s dog barking nonstop'], ['空调外机噪音大', 'Noisy air-conditioner unit']],
    urgent: [],
    details: [['已经连续一周了。', 'Every night for a week now.'], ['家里有老人和孩子休息不好。', 'The elderly and children at home cannot sleep.'],
      ['沟通过一次，没有改善。', 'We asked once already; nothing changed.'], ['早上七点前就开始了。', 'It starts before seven in the morning.']],
  },
  PARKING: {
    routine: [['车辆占用消防通道', 'Car blocking the fire lane'], ['非机动车乱停放', 'Bicycles blocking the path'], ['车位被占用', 'Someone parked in my space'],
      ['僵尸车长期占位', 'Abandoned car taking up a space'], ['充电桩故障', 'EV charger not working']],
    urgent: [],
    details: [['已经停了三天了。', 'It has been there for three days.'], ['救护车进不来就麻烦了。', 'An ambulance could not get through.'],
      ['车牌已拍照。', 'I have a photo of the plate.'], ['每天晚上都这样。', 'It happens every evening.']],
  },
  FIRE_SAFETY: {
    routine: [['灭火器过期', 'Fire extinguisher out of date'], ['消防通道堆放杂物', 'Fire escape blocked with clutter'], ['应急照明不亮', 'Emergency lighting not working'],
      ['消防栓漏水', 'Fire hydrant leaking'], ['防火门关不上', 'Fire door will not close']],
    urgent: [['闻到燃气味', 'Smell of gas'], ['{f}楼楼道冒烟', 'Smoke in the corridor on floor {f}'], ['火警报警器在响', 'Fire alarm sounding'], ['厨房起火', 'Kitchen fire']],
    details: [['请马上派人。', 'Please send someone right away.'], ['{f}楼楼梯间。', 'In the stairwell on floor {f}.'],
      ['已经通知邻居撤离。', 'Neighbours have been told to leave.'], ['上次检查时就发现了。', 'It was noticed at the last inspection too.']],
  },
  COMPLAINT: {
    routine: [['维修人员没按约定时间上门', 'Repair worker missed the appointment'], ['服务台工作人员态度差', 'Unhelpful staff at the service desk'],
      ['报修多次仍未解决', 'Reported several times, still not fixed'], ['公共区域保洁不到位', 'Shared areas not kept clean'],
      ['物业费账单有误', 'Error in the property fee bill'], ['停车收费不合理', 'Parking charges unreasonable']],
    urgent: [['维修拖延影响安全', 'Delayed repair is a safety risk']],
    details: [['希望给个说法。', 'I would like an explanation.'], ['等了一整天没人来。', 'Waited in all day and nobody came.'],
      ['之前已经反映过。', 'I raised this before.'], ['请负责人联系我。', 'Please have the manager contact me.']],
  },
  SUGGESTION: {
    routine: [['建议增设休息座椅', 'Suggest adding benches'], ['建议延长活动室开放时间', 'Suggest longer opening hours for the activity room'],
      ['建议增加快递柜', 'Suggest more parcel lockers'], ['建议加装无障碍扶手', 'Suggest installing handrails'],
      ['建议增加儿童游乐设施', 'More play equipment for children'], ['建议开设老年人智能手机课', 'Smartphone class for seniors']],
    urgent: [],
    details: [['很多邻居都有这个想法。', 'Many neighbours feel the same.'], ['周末使用的人特别多。', 'It is very busy at weekends.'],
      ['方便老人和孩子。', 'It would help older people and children.'], ['可以在居民议事会上讨论。', 'Could be discussed at the residents\' council.']],
  },
  CARE: {
    routine: [['独居老人需要上门探访', 'Home visit requested for an elderly resident living alone'], ['协助代购生活用品', 'Help with grocery shopping'],
      ['协助预约社区医生', 'Help booking the community doctor'], ['轮椅需要维修', 'Wheelchair needs repair'],
      ['协助办理补贴申请', 'Help applying for a subsidy'], ['老人几天没出门，请上门看看', 'Elderly resident not seen for days, please check']],
    urgent: [['老人在家跌倒', 'Elderly resident has fallen at home']],
    details: [['子女在外地，联系不上。', 'Their children live elsewhere and cannot be reached.'], ['老人行动不便。', 'They have difficulty getting about.'],
      ['上门前请先打电话。', 'Please phone before visiting.'], ['每周都需要帮忙。', 'Help is needed every week.']],
  },
  OTHER: {
    routine: [['信报箱损坏', 'Mailbox broken'], ['门牌脱落', 'Door number plate fallen off'], ['咨询公共空间预约', 'Question about booking a room'],
      ['捡到遗失物品', 'Lost property found'], ['外墙瓷砖松动', 'Loose tile on the outer wall'], ['树枝太长挡住窗户', 'Overgrown branches against the windows']],
    urgent: [],
    details: [['麻烦处理一下。', 'Please look into it.'], ['不着急，方便时处理。', 'Not urgent, whenever convenient.'],
      ['{f}楼的位置。', 'Around floor {f}.'], ['附近的邻居都注意到了。', 'Neighbours nearby have noticed too.']],
  },
};

const CLOSINGS: readonly Pair[] = [['', ''], ['', ''], ['请尽快处理，谢谢。', ' Please deal with it soon, thanks.'],
  ['白天家里有人。', ' Someone is home during the day.'], ['联系电话同登记号码。', ' Call the registered number.']];

/** Rating comments by score (index 0 is score 1); lower scores are more often explained. */
const COMMENTS: readonly (readonly Pair[])[] = [
  [['问题没有真正解决', 'The problem is not really solved'], ['反映多次没人理会', 'Reported several times, nobody cared']],
  [['等了很久才处理', 'Waited a long time'], ['只是临时处理，担心复发', 'Only a temporary fix, worried it will come back']],
  [['解决了，但上门时间一再推迟', 'Solved, but the visit kept being postponed'], ['一般，希望改进', 'Average, room for improvement']],
  [['解决了，速度还可以', 'Solved, reasonably quick'], ['整体满意，进度可以更及时告知', 'Satisfied overall; updates could be quicker'], ['修好了，师傅很细心', 'Fixed, the technician was careful']],
  [['处理及时，师傅很专业', 'Quick and professional, thank you'], ['服务很好，谢谢网格员', 'Great service, thanks to our grid steward'],
    ['当天就修好了', 'Fixed the same day'], ['态度热情，非常满意', 'Friendly and very satisfied']],
];
const COMMENT_CHANCE = [0.85, 0.75, 0.55, 0.3, 0.35];

const REOPEN_NOTES: readonly Pair[] = [['问题又出现了', 'The problem is back'], ['没有修好', 'It was not fixed'], ['只修了一半', 'Only half done']];
const CANCEL_BY_RESIDENT: readonly Pair[] = [['已经自行解决', 'Sorted it out myself'], ['不需要了', 'No longer needed'], ['报错了', 'Reported by mistake']];
const CANCEL_BY_DESK: readonly Pair[] = [['重复报修，已合并', 'Duplicate of an earlier ticket'], ['联系不上报修人', 'Could not reach the reporter']];

/** English for about one ticket in five: the estates house many non-Chinese-speaking tenants. */
export function language(rng: Rng): Lang {
  return rng.chance(0.2) ? 1 : 0;
}

/** Where a ticket is, as the reporter would write it. `space` is a bilingual name "中文 English". */
export function place(lang: Lang, building: string | null, unit: string | null, space: string | null): string {
  if (space !== null) {
    const cut = space.indexOf(' ');
    return lang === 0 ? (cut > 0 ? space.slice(0, cut) : space) : cut > 0 ? space.slice(cut + 1) : space;
  }
  if (unit !== null) return lang === 0 ? `${building}栋${unit}室` : `Flat ${unit}, Block ${building}`;
  return lang === 0 ? `${building}栋` : `Block ${building}`;
}

/** A title and description for a ticket of `category`; urgent wording for HIGH and EMERGENCY. */
export function ticketText(rng: Rng, category: TicketCategory, urgent: boolean, lang: Lang, where: string, floor: number) {
  const text = TEXT[category];
  const pool = urgent && text.urgent.length > 0 ? text.urgent : text.routine;
  const title = rng.pick(pool)[lang].replace('{f}', String(floor));
  const body = rng.pick(text.details)[lang].replace('{f}', String(floor)) + rng.pick(CLOSINGS)[lang];
  return { title, description: lang === 0 ? `${where}：${body}` : `${where}: ${body}` };
}

/** A comment to go with a 1–5 rating, or null (most satisfied residents write nothing). */
export function ratingComment(rng: Rng, score: number, lang: Lang): string | null {
  return rng.chance(COMMENT_CHANCE[score - 1]!) ? rng.pick(COMMENTS[score - 1]!)[lang] : null;
}

export const reopenNote = (rng: Rng, lang: Lang) => rng.pick(REOPEN_NOTES)[lang];
export const cancelNote = (rng: Rng, lang: Lang, byResident: boolean) => rng.pick(byResident ? CANCEL_BY_RESIDENT : CANCEL_BY_DESK)[lang];
