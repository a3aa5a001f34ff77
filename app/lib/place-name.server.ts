// A Chinese place name as English text writes it (杭州市 → Hangzhou): its pinyin without tones or the 市/县/区
// suffix, by pinyin-pro, which knows the readings of names (重庆 → Chongqing, 长兴 → Changxing).
import { pinyin } from "pinyin-pro";

const SUFFIX = /(?:市|县|区|自治州|地区)$/;

export function romanisedPlace(name: string): string {
  const bare = name.trim().replace(SUFFIX, "") || name.trim();
  const spelled = pinyin(bare, { toneType: "none", type: "array", nonZh: "consecutive" }).join("");
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}
