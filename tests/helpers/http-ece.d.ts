// Types for http_ece (Encrypted Content-Encoding, RFC 8188), which ships none: only what the push tests call.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";
  type Params = { version: "aes128gcm"; privateKey: ECDH; authSecret: string | Buffer };
  const ece: { decrypt(buffer: Buffer, params: Params): Buffer };
  export default ece;
}
