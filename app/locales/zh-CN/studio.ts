// Words of the studio pages.
const studio = {
  placeholder: "",
} as const;

export default studio;
