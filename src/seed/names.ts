import { Rng, weighted } from './random';

/*
 * Names are assembled from common surnames and common given-name characters, so
 * the demo looks like a mainland estate without naming any real person.
 * Weights roughly follow the national share of each surname (per mille), which
 * keeps 王/李/张 as frequent as a real resident list makes them.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20],
  ['吴', 19], ['周', 19], ['徐', 15], ['孙', 14], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 11],
  ['何', 11], ['高', 10], ['林', 10], ['罗', 9], ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6],
  ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5], ['彭', 5], ['曾', 5],
  ['肖', 5], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 2], ['钟', 2], ['谭', 2],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2],
  ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1],
  ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1],
  ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1], ['欧阳', 0.5], ['司马', 0.1], ['上官', 0.1],
];

const MASCULINE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙洋建国志文东海峰振成博轩晨睿泽然嘉豪天翔永兵德荣光立新良锋毅坤鸿铭亮'];
const FEMININE = [...'芳娜敏静丽艳娟霞秀燕玲桂英红梅琳雪慧婷倩颖洁欣怡佳琪萱雨涵诗梦晓思月丹萍蓉璐蕾薇淑兰凤琴彤瑶妍璇晴岚莉珊'];
const EITHER = [...'子一文嘉晓思佳欣宇安乐雅家春秋明晨若梓'];

/*
 * Mainland mobile prefixes that carriers actually issue (13x/15x/17x/18x/19x);
 * 154, 174 and 192 are left out because they are not ordinary consumer ranges.
 */
const MOBILE_PREFIXES = [
  ...'0123456789'.split('').map((d) => `13${d}`),
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '170', '171', '173', '175', '176', '177', '178',
  ...'0123456789'.split('').map((d) => `18${d}`),
  '191', '193', '195', '196', '197', '198', '199',
];

const pickSurname = weighted(SURNAMES);

/** A family name, weighted toward the most common surnames. */
export function surname(rng: Rng): string {
  return pickSurname(rng);
}

/** A given name of one or two characters, mostly two, as on a modern ID card. */
export function givenName(rng: Rng): string {
  const pool = rng.chance(0.5) ? MASCULINE : FEMININE;
  if (rng.chance(0.2)) return rng.pick(pool);
  return (rng.chance(0.2) ? rng.pick(EITHER) : rng.pick(pool)) + rng.pick(pool);
}

/**
 * A full name: surname then given name, at most four characters, so it always
 * fits the 60-character name columns.
 * @param family pass a household's surname to keep relatives' names consistent.
 */
export function personName(rng: Rng, family: string = surname(rng)): string {
  return family + givenName(rng);
}

/** An 11-digit mainland mobile number such as 13912345678 (fits varchar(20)). */
export function mobilePhone(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + rest;
}

/**
 * Hands out mobile numbers that are never repeated within one load: with about
 * 120,000 people a few random numbers would collide, and anything that later
 * looks a person up by phone would then find two.
 */
export class PhoneIssuer {
  private readonly used = new Set<string>();

  /** The next unused number, drawn from the caller's stream. */
  next(rng: Rng): string {
    for (;;) {
      const phone = mobilePhone(rng);
      if (!this.used.has(phone)) {
        this.used.add(phone);
        return phone;
      }
    }
  }
}
