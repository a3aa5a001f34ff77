// Words of the store pages.
const store = {
  placeholder: "",
} as const;

export default store;
