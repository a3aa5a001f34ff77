// Words of the studio pages.
import type zh from "../zh-CN/studio";

const studio: Record<keyof typeof zh, string> = {
  placeholder: "",
};

export default studio;
