// The part of Meetecho's janode (plain ESM JavaScript, no types of its own) the Janus engine uses.
declare module "janode" {
  import type { EventEmitter } from "node:events";
  export type Jsep = { type: "offer" | "answer"; sdp: string };
  export interface JanodeHandle extends EventEmitter {
    readonly id: number;
    detach(): Promise<void>;
    hangup(): Promise<void>;
  }
  export interface JanodeSession extends EventEmitter {
    readonly id: number;
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: new (...args: never[]) => H }): Promise<H>;
    destroy(): Promise<void>;
  }
  export interface JanodeConnection extends EventEmitter {
    create(keepaliveSeconds?: number): Promise<JanodeSession>;
    close(): Promise<void>;
  }
  const Janode: {
    connect(config: {
      address: { url: string; apisecret?: string } | { url: string; apisecret?: string }[];
      retry_time_secs?: number;
      max_retries?: number;
    }): Promise<JanodeConnection>;
    Logger: { setLevel(level: "debug" | "verb" | "info" | "warn" | "error" | "none"): string };
    EVENT: Record<
      | "CONNECTION_CLOSED"
      | "SESSION_DESTROYED"
      | "HANDLE_DETACHED"
      | "HANDLE_ICE_FAILED"
      | "HANDLE_HANGUP"
      | "HANDLE_WEBRTCUP"
      | "CONNECTION_ERROR",
      string
    >;
  };
  export default Janode;
}

declare module "janode/plugins/videoroom" {
  import type { JanodeHandle, Jsep } from "janode";
  type Room = string | number;
  export interface VideoRoomHandle extends JanodeHandle {
    create(params: {
      room: Room;
      description?: string;
      max_publishers?: number;
      bitrate?: number;
      fir_freq?: number;
      audiocodec?: string;
      videocodec?: string;
      notify_joining?: boolean;
    }): Promise<{ room: Room }>;
    destroy(params: { room: Room }): Promise<unknown>;
    joinConfigurePublisher(params: {
      room: Room;
      feed?: Room;
      display?: string;
      audio?: boolean;
      video?: boolean;
      jsep: Jsep;
    }): Promise<{ feed: Room; jsep?: Jsep }>;
    joinSubscriber(params: { room: Room; feed?: Room; streams?: { feed: Room; mid?: string }[] }): Promise<{
      jsep?: Jsep;
    }>;
    start(params: { jsep: Jsep }): Promise<unknown>;
    startForward(params: {
      room: Room;
      feed: Room;
      host: string;
      streams: { mid: string; port: number; ssrc?: number; pt?: number }[];
    }): Promise<{ forwarders?: unknown[] }>;
  }
  const plugin: { id: string; Handle: new (...args: never[]) => VideoRoomHandle; EVENT: Record<string, string> };
  export default plugin;
}

declare module "janode/plugins/streaming" {
  import type { JanodeHandle, Jsep } from "janode";
  type Id = string | number;
  export interface StreamingHandle extends JanodeHandle {
    createRtpMountpoint(params: {
      id?: Id;
      name?: string;
      media: { type: "audio" | "video"; mid: string; port: number; pt?: number; codec?: string; fmtp?: string }[];
    }): Promise<{ id: Id; media?: { mid: string; port: number }[] }>;
    destroyMountpoint(params: { id: Id }): Promise<unknown>;
    watch(params: { id: Id }): Promise<{ jsep?: Jsep }>;
    start(params: { jsep: Jsep }): Promise<unknown>;
  }
  const plugin: { id: string; Handle: new (...args: never[]) => StreamingHandle; EVENT: Record<string, string> };
  export default plugin;
}
