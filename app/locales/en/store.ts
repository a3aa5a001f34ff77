// Words of the store pages.
import type zh from "../zh-CN/store";

const store: Record<keyof typeof zh, string> = {
  placeholder: "",
};

export default store;
