import type { DemoRandom } from './demo-random';

/** The fictional city and its subtree: names only, codes are assigned by position. */
export interface PlaceName {
  name: string;
  children: PlaceName[];
}

function place(name: string, children: PlaceName[] = []): PlaceName {
  return { name, children };
}

function villages(...names: string[]): PlaceName[] {
  return names.map((name) => place(name));
}

export const DEMO_CITY: PlaceName = place('清源市', [
  place('明德县', [
    place('城关镇', villages('东关社区', '南街村', '北营村', '王庄村')),
    place('柳河乡', villages('柳河村', '前屯村', '后屯村', '杨家洼村')),
    place('石桥镇', villages('石桥村', '大堤村', '刘家寨村', '河沿村')),
  ]),
  place('青山县', [
    place('松林镇', villages('松林村', '上坪村', '下坪村', '黄土岭村')),
    place('云溪乡', villages('云溪村', '竹园村', '茶山村', '龙潭村')),
    place('枫坪镇', villages('枫坪村', '马鞍村', '高桥村', '三岔村')),
  ]),
  place('白水区', [
    place('白沙街道', villages('白沙社区', '滨江社区', '朝阳社区', '新华社区')),
    place('东湖街道', villages('东湖社区', '翠湖社区', '锦绣社区', '湖光社区')),
    place('杏花镇', villages('杏花村', '桃园村', '李家庄村', '孙庄村')),
  ]),
  // Added for issue 16 (every tier needs at least four peers for the risk index): appended, so every
  // earlier unit keeps its code, and with it its departments', posts', accounts' and powers' ids.
  place('丰禾县', [
    place('禾丰镇', villages('禾丰村', '东坪村', '西坪村', '稻香村')),
    place('双河乡', villages('双河村', '河口村', '新庄村', '杨柳村')),
    place('古井镇', villages('古井村', '泉水村', '柏树村', '郭家湾村')),
  ]),
  place('临湖区', [
    place('湖滨街道', villages('湖滨社区', '临湖社区', '春晖社区', '和平社区')),
    place('长兴街道', villages('长兴社区', '兴业社区', '文苑社区', '景秀社区')),
    place('荷塘镇', villages('荷塘村', '莲花村', '周家庄村', '青石村')),
  ]),
]);

/**
 * The counties of the first demo city. Units below the ones added later draw their accounts' names
 * after all of these, so every earlier account keeps the name it had.
 */
export const DEMO_FIRST_COUNTIES = 3;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
  '苏',
  '卢',
  '蒋',
  '蔡',
  '贾',
  '丁',
] as const;

const GIVEN_FIRST = [
  '建',
  '国',
  '志',
  '文',
  '海',
  '晓',
  '春',
  '秀',
  '立',
  '德',
  '明',
  '永',
  '玉',
  '淑',
  '红',
  '丽',
  '振',
  '兴',
  '学',
  '庆',
  '宏',
  '俊',
  '雅',
  '静',
  '思',
  '佳',
  '子',
  '欣',
  '伟',
  '家',
] as const;

const GIVEN_SECOND = [
  '华',
  '军',
  '平',
  '强',
  '辉',
  '芳',
  '敏',
  '英',
  '梅',
  '霞',
  '峰',
  '涛',
  '斌',
  '刚',
  '杰',
  '琳',
  '婷',
  '宇',
  '磊',
  '洁',
  '娟',
  '勇',
  '超',
  '鹏',
  '颖',
  '楠',
  '浩',
  '凯',
  '蕾',
  '鑫',
] as const;

/** Fictional personal names, never repeated within one generator run. */
export class DemoNameBook {
  private readonly used = new Set<string>();

  constructor(private readonly random: DemoRandom) {}

  next(): string {
    for (;;) {
      const given = this.random.chance(0.8)
        ? this.random.pick(GIVEN_FIRST) + this.random.pick(GIVEN_SECOND)
        : this.random.pick(GIVEN_SECOND);
      const name = this.random.pick(SURNAMES) + given;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
