/**
 * People's names: Chinese names with their pinyin (王芳 / Wang Fang) for most
 * of the company, and English names for international staff, some of whom
 * (Singaporean and Malaysian colleagues) also have a Chinese name.
 */
import type { SeededRandom, WeightedChoice } from '../random.js';

/** Common surnames, weighted roughly by how common they are. */
const SURNAMES: readonly WeightedChoice<readonly [han: string, pinyin: string]>[] = [
  [['王', 'Wang'], 7], [['李', 'Li'], 7], [['张', 'Zhang'], 7], [['刘', 'Liu'], 5], [['陈', 'Chen'], 5],
  [['杨', 'Yang'], 3], [['黄', 'Huang'], 3], [['赵', 'Zhao'], 3], [['吴', 'Wu'], 3], [['周', 'Zhou'], 3],
  [['徐', 'Xu'], 2], [['孙', 'Sun'], 2], [['马', 'Ma'], 2], [['朱', 'Zhu'], 2], [['胡', 'Hu'], 2],
  [['郭', 'Guo'], 2], [['何', 'He'], 2], [['林', 'Lin'], 2], [['高', 'Gao'], 2], [['罗', 'Luo'], 2],
  [['郑', 'Zheng'], 1], [['梁', 'Liang'], 1], [['谢', 'Xie'], 1], [['宋', 'Song'], 1], [['唐', 'Tang'], 1],
  [['许', 'Xu'], 1], [['韩', 'Han'], 1], [['冯', 'Feng'], 1], [['邓', 'Deng'], 1], [['曹', 'Cao'], 1],
  [['彭', 'Peng'], 1], [['曾', 'Zeng'], 1], [['肖', 'Xiao'], 1], [['田', 'Tian'], 1], [['董', 'Dong'], 1],
  [['潘', 'Pan'], 1], [['袁', 'Yuan'], 1], [['蒋', 'Jiang'], 1], [['蔡', 'Cai'], 1], [['余', 'Yu'], 1],
  [['杜', 'Du'], 1], [['叶', 'Ye'], 1], [['程', 'Cheng'], 1], [['魏', 'Wei'], 1], [['苏', 'Su'], 1],
  [['吕', 'Lyu'], 1], [['丁', 'Ding'], 1], [['沈', 'Shen'], 1], [['姚', 'Yao'], 1], [['陆', 'Lu'], 1],
  [['钱', 'Qian'], 1], [['顾', 'Gu'], 1], [['方', 'Fang'], 1], [['夏', 'Xia'], 1], [['严', 'Yan'], 1],
];

type Syllable = readonly [han: string, pinyin: string];

function syllables(text: string): Syllable[] {
  return text.split(' ').map((pair) => {
    const [han = '', pinyin = ''] = pair.split(':');
    return [han, pinyin];
  });
}

/**
 * Characters common in given names, with their pinyin (no tone marks, as
 * names are romanised). Names draw from one gender's characters plus the
 * neutral ones, so they read as names people are actually given.
 */
const GIVEN_NAME_CHARACTERS = {
  masculine: syllables(
    '伟:wei 强:qiang 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 超:chao 刚:gang 建:jian 国:guo 辉:hui 鹏:peng 浩:hao 博:bo 凯:kai ' +
      '俊:jun 东:dong 海:hai 峰:feng 志:zhi 斌:bin 亮:liang 昊:hao 睿:rui 泽:ze 航:hang 铭:ming 哲:zhe 源:yuan 帆:fan 毅:yi ' +
      '恒:heng 扬:yang 天:tian 宇:yu 轩:xuan 明:ming 文:wen 华:hua 立:li 远:yuan 越:yue 逸:yi 然:ran',
  ),
  feminine: syllables(
    '芳:fang 娜:na 敏:min 静:jing 丽:li 艳:yan 娟:juan 秀:xiu 霞:xia 玲:ling 婷:ting 雪:xue 琳:lin 涵:han 怡:yi 诗:shi ' +
      '丹:dan 颖:ying 慧:hui 倩:qian 蕾:lei 瑶:yao 晴:qing 萱:xuan 彤:tong 楠:nan 薇:wei 璐:lu 蓉:rong 琪:qi 舒:shu 露:lu ' +
      '冰:bing 岚:lan 欢:huan 琦:qi 欣:xin 悦:yue',
  ),
  neutral: syllables('晨:chen 子:zi 梓:zi 思:si 雨:yu 佳:jia 嘉:jia 一:yi 晓:xiao 平:ping 宁:ning 安:an 青:qing 清:qing 洋:yang'),
} as const;

const GIVEN_NAME_POOLS: readonly (readonly Syllable[])[] = [
  [...GIVEN_NAME_CHARACTERS.masculine, ...GIVEN_NAME_CHARACTERS.neutral],
  [...GIVEN_NAME_CHARACTERS.feminine, ...GIVEN_NAME_CHARACTERS.neutral],
];

const ENGLISH_GIVEN_NAMES: readonly string[] = [
  'James', 'Emily', 'Daniel', 'Sophie', 'Lukas', 'Hannah', 'Oliver', 'Chloe', 'Ethan', 'Grace', 'Ryan',
  'Olivia', 'Marcus', 'Sarah', 'Thomas', 'Laura', 'David', 'Anna', 'Michael', 'Julia', 'Noah', 'Emma',
  'Lucas', 'Mia', 'Felix', 'Nora', 'Kevin', 'Rachel', 'Jonas', 'Isabel', 'Adam', 'Leah', 'Samuel', 'Clara',
];

const WESTERN_SURNAMES: readonly string[] = [
  'Becker', 'Martin', 'Schmidt', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Dubois', 'Rossi',
  'Garcia', 'Novak', 'Jensen', 'Kowalski', 'Walker', 'Hughes', 'Fischer', 'Moreau', 'Evans', 'Clarke',
];

/** Southeast Asian Chinese surnames in their local romanisation, with the character. */
const SOUTHEAST_ASIAN_SURNAMES: readonly (readonly [latin: string, han: string])[] = [
  ['Tan', '陈'], ['Lim', '林'], ['Lee', '李'], ['Ng', '黄'], ['Wong', '黄'], ['Goh', '吴'],
  ['Chua', '蔡'], ['Teo', '张'], ['Ong', '王'], ['Koh', '许'], ['Chan', '陈'], ['Leong', '梁'],
];

const OTHER_INTERNATIONAL_NAMES: readonly (readonly [given: string, family: string])[] = [
  ['Priya', 'Sharma'], ['Arjun', 'Patel'], ['Ananya', 'Iyer'], ['Rahul', 'Nair'], ['Aisha', 'Rahman'],
  ['Omar', 'Haddad'], ['Layla', 'Nasser'], ['Kenji', 'Tanaka'], ['Yuki', 'Sato'], ['Minji', 'Kim'],
  ['Linh', 'Nguyen'], ['Carlos', 'Santos'], ['Sofia', 'Alvarez'], ['Siti', 'Aminah'],
];

export interface GeneratedName {
  name: string;
  nameAlt?: string;
  email: string;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Pinyin of a two-character given name: an apostrophe keeps syllables apart where they would run together (Xin'an). */
function joinSyllables(first: string, second: string): string {
  return /^[aoe]/.test(second) ? `${first}'${second}` : first + second;
}

/**
 * Hands out names and unique email addresses. Full names repeat only when a
 * very large company runs short of new ones, as in real life.
 */
export class NameGenerator {
  private readonly usedNames = new Set<string>();
  private readonly usedEmails = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    private readonly emailDomain: string,
  ) {}

  /** Keeps a name (e.g. a persona's) out of the random draws. */
  reserve(name: string): void {
    this.usedNames.add(name);
  }

  chinese(): GeneratedName {
    let han = '';
    let pinyin = '';
    let givenPinyin = '';
    let surnamePinyin = '';
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const [surnameHan, surnameLatin] = this.random.pickWeighted(SURNAMES);
      const pool = this.random.pick(GIVEN_NAME_POOLS);
      const first = this.random.pick(pool);
      const second = this.random.chance(0.7) ? this.random.pick(pool) : null;
      han = surnameHan + first[0] + (second ? second[0] : '');
      givenPinyin = second ? joinSyllables(first[1], second[1]) : first[1];
      surnamePinyin = surnameLatin;
      pinyin = `${surnameLatin} ${capitalise(givenPinyin)}`;
      if (!this.usedNames.has(han)) break;
    }
    return this.named(han, pinyin, `${givenPinyin}.${surnamePinyin}`);
  }

  international(): GeneratedName {
    const kind = this.random.pickWeighted<'southeastAsian' | 'western' | 'other'>([
      ['southeastAsian', 35],
      ['western', 45],
      ['other', 20],
    ]);
    let name = '';
    let nameAlt: string | undefined;
    let emailLocal = '';
    for (let attempt = 0; attempt < 8; attempt += 1) {
      if (kind === 'southeastAsian') {
        const given = this.random.pick(ENGLISH_GIVEN_NAMES);
        const [family, familyHan] = this.random.pick(SOUTHEAST_ASIAN_SURNAMES);
        name = `${given} ${family}`;
        const pool = this.random.pick(GIVEN_NAME_POOLS);
        nameAlt = familyHan + this.random.pick(pool)[0] + this.random.pick(pool)[0];
        emailLocal = `${given}.${family}`;
      } else if (kind === 'western') {
        const given = this.random.pick(ENGLISH_GIVEN_NAMES);
        const family = this.random.pick(WESTERN_SURNAMES);
        name = `${given} ${family}`;
        nameAlt = undefined;
        emailLocal = `${given}.${family}`;
      } else {
        const [given, family] = this.random.pick(OTHER_INTERNATIONAL_NAMES);
        name = `${given} ${family}`;
        nameAlt = undefined;
        emailLocal = `${given}.${family}`;
      }
      if (!this.usedNames.has(name)) break;
    }
    return this.named(name, nameAlt, emailLocal);
  }

  /** A name chosen in advance (the personas), with its address. */
  fixed(name: string, nameAlt: string, emailLocal: string): GeneratedName {
    return this.named(name, nameAlt, emailLocal);
  }

  private named(name: string, nameAlt: string | undefined, emailLocal: string): GeneratedName {
    this.usedNames.add(name);
    const local = emailLocal.toLowerCase().replace(/[^a-z.]/g, '');
    const taken = this.usedEmails.get(local) ?? 0;
    this.usedEmails.set(local, taken + 1);
    // The second Wang Fang becomes fang.wang2, as mail systems do.
    const email = `${taken === 0 ? local : `${local}${taken + 1}`}@${this.emailDomain}`;
    return nameAlt === undefined ? { name, email } : { name, nameAlt, email };
  }
}
