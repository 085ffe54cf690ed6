import type { Random } from './random';

const FIRST = [...'青石柳清安永宁兴和丰泰长白龙凤云金玉桃梅松平明华东西南北红黄绿新古太双三马牛鹿鹤燕星月莲荷杏枣槐榆'];
const SECOND = [...'山水川原阳城源溪林湖岭台田丘泉江州乐康德昌坪峪川河桥关沟塘湾洲'];
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const HOMESTEAD = [
  '庄',
  '家庄',
  '家洼',
  '家沟',
  '家寨',
  '营',
  '家坪',
  '家湾',
  '屯',
  '家岭',
  '家堡',
  '家店',
  '家河',
  '家桥',
  '集',
];
const DESCRIPTOR = [...'东西南北前后上下大小新老中高'];
const FEATURE = [
  '坪',
  '岭',
  '屯',
  '堤',
  '河',
  '桥',
  '湾',
  '沟',
  '寨',
  '峪',
  '坡',
  '塘',
  '台',
  '洼',
  '泉',
  '园',
  '林',
  '岗',
  '滩',
  '庄',
];
const COMMUNITY = [
  '滨江',
  '朝阳',
  '新华',
  '翠湖',
  '锦绣',
  '湖光',
  '幸福',
  '和平',
  '建设',
  '文化',
  '振兴',
  '民主',
  '团结',
  '光明',
  '育才',
  '学府',
  '康乐',
  '安居',
  '嘉园',
  '丽景',
  '春晖',
  '金桥',
  '东城',
  '西苑',
  '南苑',
  '北苑',
  '紫荆',
  '桂花',
  '书香',
  '花园',
  '府前',
  '站前',
  '人民',
  '胜利',
  '红旗',
  '长青',
];

/**
 * Fictional Chinese place names (青石县, 柳河镇, 东坪村), unique within the scope they are drawn
 * for: counties and townships across the city, villages within their township.
 */
export class PlaceNamer {
  private readonly used = new Map<string, Set<string>>();

  constructor(private readonly random: Random) {}

  private unique(scope: string, draw: () => string): string {
    const used = this.used.get(scope) ?? new Set<string>();
    this.used.set(scope, used);
    for (let attempt = 0; ; attempt++) {
      const name = draw();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
      if (attempt > 10_000) throw new Error(`ran out of place names in ${scope}`);
    }
  }

  private stem(): string {
    const a = this.random.pick(FIRST);
    let b = this.random.pick(SECOND);
    while (b === a) b = this.random.pick(SECOND);
    return a + b;
  }

  city(): string {
    return this.unique('city', () => `${this.stem()}市`);
  }

  /** A county (县) or an urban district (区). */
  county(district: boolean): string {
    return this.unique('units', () => `${this.stem()}${district ? '区' : '县'}`);
  }

  /** A town (镇), a rural township (乡) or a sub-district (街道). */
  township(kind: '镇' | '乡' | '街道'): string {
    return this.unique('units', () => `${this.stem()}${kind}`);
  }

  /** A village (村) or an urban community (社区), unique within its township. */
  village(township: string, community: boolean): string {
    if (community) return this.unique(`v:${township}`, () => `${this.random.pick(COMMUNITY)}社区`);
    return this.unique(`v:${township}`, () => {
      const roll = this.random.next();
      if (roll < 0.45) return `${this.random.pick(SURNAMES)}${this.random.pick(HOMESTEAD)}村`;
      if (roll < 0.8) return `${this.random.pick(DESCRIPTOR)}${this.random.pick(FEATURE)}村`;
      return `${this.stem()}村`;
    });
  }
}
