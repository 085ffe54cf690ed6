import type { Random } from './random';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const GIVEN_FIRST = [...'建国志文海晓春秀立德明永玉淑红丽振兴学庆宏俊雅静思佳子欣伟家金美桂凤云'];
const GIVEN_SECOND = [...'华军平强辉芳敏英梅霞峰涛斌刚杰琳婷宇磊洁娟勇超鹏颖楠浩凯蕾鑫莉萍燕丹'];
const TRADES = [
  '食品店',
  '副食超市',
  '建材商行',
  '餐饮店',
  '农资经营部',
  '五金店',
  '药店',
  '服装店',
  '汽修厂',
  '养殖专业合作社',
  '建筑工程有限公司',
  '商贸有限公司',
];
/** ISO 7064 MOD 11-2 weights and check characters of a resident ID number (GB 11643). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fictional person's name, e.g. 王建华. */
export function personName(random: Random): string {
  const given = random.chance(0.8) ? random.pick(GIVEN_FIRST) + random.pick(GIVEN_SECOND) : random.pick(GIVEN_SECOND);
  return random.pick(SURNAMES) + given;
}

/** A fictional small business of a place, e.g. 东坪村宏华食品店. */
export function businessName(random: Random, place: string): string {
  return `${place}${random.pick(GIVEN_FIRST)}${random.pick(GIVEN_SECOND)}${random.pick(TRADES)}`;
}

/** A well-formed (fictional) 18-character resident ID number registered in `region` (6 digits). */
export function residentIdNumber(random: Random, region: string): string {
  const year = random.int(1950, 2004);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const body = `${region}${year}${month}${day}${String(random.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + ID_CHECK[sum % 11]!;
}

/** A (fictional) 18-character unified social credit code of a business registered in `region`. */
export function creditCode(random: Random, region: string): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += random.pick([...CREDIT_CHARS]);
  return `92${region}${tail}`;
}

/** An 11-digit mobile number. */
export function mobileNumber(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** Personal names never repeated within one book (for accounts). */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): string {
    for (;;) {
      const name = personName(this.random);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
