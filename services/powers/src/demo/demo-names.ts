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
]);

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
