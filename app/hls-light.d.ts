// hls.js ships its "light" build (no subtitles, alternate audio or DRM, which a village livestream does not use)
// without its own types; it has the full build's API.
declare module "hls.js/light" {
  export * from "hls.js";
  export { default } from "hls.js";
}
