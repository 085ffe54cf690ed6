import { Tier } from './tier';

/** The name of a tier as officials read it (zh-CN): 市级, 县级, 乡镇级, 村级. */
export function tierLabel(tier: Tier): string {
  switch (tier) {
    case Tier.CITY:
      return '市级';
    case Tier.COUNTY:
      return '县级';
    case Tier.TOWNSHIP:
      return '乡镇级';
    case Tier.VILLAGE:
      return '村级';
  }
}
